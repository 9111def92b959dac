/**
 * Facts derived from the link graph rather than typed twice: a company's
 * contracts and buyers, an agency's suppliers and sub-agencies, and so on.
 */
import type { Money } from '../../schemas/money';
import type { ContractData } from '../../schemas/contract';
import { entryKey, type EntryKey } from '../isomorphic/entry-keys';
import { incomingBy, type Graph } from './graph';
import { sumContractValues, type MoneyTotal } from '../isomorphic/money';

/** A contract's front matter by key (model/entry.ts contractData). */
export type ContractDataOf = (key: EntryKey) => ContractData | undefined;

const unique = <T,>(items: T[]) => [...new Set(items)];

export interface ValueSummary {
  /** Values attributable to the entry: its own share, or the whole value of a contract it supplies alone. */
  attributed: MoneyTotal[];
  /** Whole values of contracts shared with other suppliers and no share given (not attributed). */
  joint: MoneyTotal[];
}

export interface CompanyRelations {
  contracts: EntryKey[];
  buyers: EntryKey[];
  subsidiaries: EntryKey[];
  events: EntryKey[];
  values: ValueSummary;
}

export interface AgencyRelations {
  contracts: EntryKey[];
  suppliers: EntryKey[];
  subAgencies: EntryKey[];
  events: EntryKey[];
  values: MoneyTotal[];
}

/**
 * What of a contract's value is a supplier's: its own share when one is
 * given, the whole value when it supplies the contract alone, else the whole
 * value marked joint (shared with other suppliers, never attributed to one).
 */
export function supplierShare(contract: ContractData, companyId: string): { values: Money[]; joint: boolean } {
  const me = contract.suppliers.find((s) => s.company === companyId);
  if (me?.share) return { values: [me.share], joint: false };
  return { values: contract.values, joint: contract.suppliers.length !== 1 };
}

export function companyRelations(graph: Graph, key: EntryKey, dataOf: ContractDataOf): CompanyRelations {
  const contracts = incomingBy(graph, key, 'supplier');
  // One list per contract: a contract's several values are alternative reports (see sumContractValues).
  const attributed: Money[][] = [];
  const joint: Money[][] = [];
  const companyId = key.slice('companies/'.length);
  for (const c of contracts) {
    const data = dataOf(c);
    if (!data) continue;
    const share = supplierShare(data, companyId);
    (share.joint ? joint : attributed).push(share.values);
  }
  return {
    contracts,
    buyers: unique(contracts.flatMap((c) => {
      const buyer = dataOf(c)?.buyer;
      return buyer ? [entryKey('agencies', buyer)] : [];
    })),
    subsidiaries: incomingBy(graph, key, 'parent'),
    events: eventsInvolving(graph, key),
    values: { attributed: sumContractValues(attributed), joint: sumContractValues(joint) },
  };
}

export function agencyRelations(graph: Graph, key: EntryKey, dataOf: ContractDataOf): AgencyRelations {
  const contracts = incomingBy(graph, key, 'buyer');
  const values: Money[][] = [];
  const suppliers: EntryKey[] = [];
  for (const c of contracts) {
    const data = dataOf(c);
    if (!data) continue;
    values.push(data.values);
    for (const s of data.suppliers) suppliers.push(entryKey('companies', s.company));
  }
  return {
    contracts,
    suppliers: unique(suppliers),
    subAgencies: incomingBy(graph, key, 'parent'),
    events: eventsInvolving(graph, key),
    values: sumContractValues(values),
  };
}

/** Events involving an entry (any collection): listed in `involved` or as a participant, once each. */
export function eventsInvolving(graph: Graph, key: EntryKey): EntryKey[] {
  return unique([...incomingBy(graph, key, 'involved'), ...incomingBy(graph, key, 'participant')]);
}

/** Entries citing a source. */
export function citedBy(graph: Graph, key: EntryKey): EntryKey[] {
  return incomingBy(graph, key, 'cites');
}
