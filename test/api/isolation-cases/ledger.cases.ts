import type { Case, Setup } from './case';

/** A close of Huai'an's 2026-H1 requested by its buyer admin (its job id too): the ids the period-close and schedule operations take. */
export const setup: Setup = async ({ ids, asOwner }) => {
  const r = await asOwner('mutation ($i: ClosePeriodInput!) { closePeriod(input: $i) { id jobId } }', {
    i: { contractId: ids.contractId, period: '2026-H1', asOf: '2026-07-10' },
  });
  const close = r.data?.closePeriod as { id: string; jobId: string } | undefined;
  if (!close) throw new Error(`ledger isolation setup failed: ${JSON.stringify(r.errors)}`);
  return { closeId: close.id, jobId: close.jobId };
};

const BOTH: Case['expect'] = { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' };

export const CASES: Record<string, Case> = {
  closePeriod: {
    build: (ids) => ({
      query: 'mutation ($i: ClosePeriodInput!) { closePeriod(input: $i) { id } }',
      variables: { i: { contractId: ids.contractId, period: '2026-H1' } },
    }),
    expect: BOTH,
  },
  periodClose: {
    build: (ids) => ({
      query: 'query ($id: ID!) { periodClose(id: $id) { id status score } }',
      variables: { id: ids.extra.closeId },
    }),
    expect: BOTH,
  },
  periodCloses: {
    build: (ids) => ({
      query: 'query ($c: ID!) { periodCloses(contractId: $c) { id } }',
      variables: { c: ids.contractId },
    }),
    expect: BOTH,
  },
  confirmPeriodClose: {
    build: (ids) => ({
      query: 'mutation ($id: ID!) { confirmPeriodClose(closeId: $id) { id } }',
      variables: { id: ids.extra.closeId },
    }),
    expect: BOTH,
  },
  reopenPeriodClose: {
    build: (ids) => ({
      query: 'mutation ($i: ReopenPeriodCloseInput!) { reopenPeriodClose(input: $i) { id } }',
      variables: { i: { closeId: ids.extra.closeId, reason: 'hijack' } },
    }),
    expect: BOTH,
  },
  recordAdjustment: {
    build: (ids) => ({
      query: 'mutation ($i: RecordAdjustmentInput!) { recordAdjustment(input: $i) { id } }',
      variables: { i: { correctsCloseId: ids.extra.closeId, amount: '1.00', reason: 'hijack' } },
    }),
    expect: BOTH,
  },
  job: {
    build: (ids) => ({
      query: 'query ($id: ID!) { job(id: $id) { id status result } }',
      variables: { id: ids.extra.jobId },
    }),
    // The platform admin manages tenants, not their data: a close's job (its score) is not its to read.
    expect: { ...BOTH, platformAdmin: 'NOT_FOUND' },
  },
  paymentSchedule: {
    build: (ids) => ({
      query: 'query ($c: ID!) { paymentSchedule(contractId: $c) { asOf } }',
      variables: { c: ids.contractId },
    }),
    expect: BOTH,
  },
  acceptanceTiming: {
    build: (ids) => ({
      query: 'query ($c: ID!) { acceptanceTiming(contractId: $c) { clawbackDeadline } }',
      variables: { c: ids.contractId },
    }),
    expect: BOTH,
  },
  markPaid: {
    build: (ids) => ({
      query: 'mutation ($i: MarkPaidInput!) { markPaid(input: $i) { id } }',
      variables: {
        i: { contractId: ids.contractId, lineId: 'contract-payments.advance', amount: '1.00', paidOn: '2026-01-01' },
      },
    }),
    expect: BOTH,
  },
  recordInvoice: {
    build: (ids) => ({
      query: 'mutation ($i: RecordInvoiceInput!) { recordInvoice(input: $i) { id } }',
      variables: {
        i: {
          contractId: ids.contractId,
          lineId: 'contract-payments.advance',
          number: 'INTRUDER-1',
          amount: '1.00',
          receivedOn: '2026-01-01',
        },
      },
    }),
    expect: BOTH,
  },
  recomputeSchedule: {
    build: (ids) => ({
      query: 'mutation ($c: ID!) { recomputeSchedule(contractId: $c) { id } }',
      variables: { c: ids.contractId },
    }),
    expect: BOTH,
  },
};
