/**
 * What the payment rules, conditions and due dates read of a contract's configuration. Written out structurally so
 * that those files do not import the configuration schema, which is composed from their own schemas (that import was
 * a type-level cycle through every rule file); a parsed configuration (`ParsedConfig`) is one, checked where the
 * schedule is computed.
 */
export type PaymentConfigView = {
  readonly term: { readonly start: string; readonly end: string; readonly signed?: string };
  readonly money: { readonly amount: string };
  readonly staffing: {
    readonly roles: readonly { readonly headcount: number; readonly countsForAttendance: boolean }[];
  };
};
