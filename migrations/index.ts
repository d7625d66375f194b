import { Foundation1764000000000 } from './1764000000000-foundation';
import { Tickets1764000000100 } from './1764000000100-tickets';
import { Reports1764000000200 } from './1764000000200-reports';
import { Procurement1764000000300 } from './1764000000300-procurement';
import { Ledger1764000000400 } from './1764000000400-ledger';
import { CloseIndexes1764000000500 } from './1764000000500-close-indexes';
import { TicketImport1764000000510 } from './1764000000510-ticket-import';
import { DashboardIndexes1764000000520 } from './1764000000520-dashboard-indexes';
import { TicketImports1764000000620 } from './1764000000620-ticket-imports';
import { Sessions1764000000600 } from './1764000000600-sessions';
import { AuditHardening1764000000610 } from './1764000000610-audit-hardening';
import { SlaNotRecorded1764000000730 } from './1764000000730-sla-not-recorded';
import { CloseSafeguards1764000000700 } from './1764000000700-close-safeguards';
import { NationalCalendar1764000000800 } from './1764000000800-national-calendar';
import { SessionCheck1764000000950 } from './1764000000950-session-check';
import { TicketNumberCounters1764000000960 } from './1764000000960-ticket-number-counters';
import { VendorReadPolicies1764000000970 } from './1764000000970-vendor-read-policies';
import { SlaScanProgress1764000000980 } from './1764000000980-sla-scan-progress';
import { OnDemandCalls1764000000990 } from './1764000000990-on-demand-calls';
import { AllowanceWork1764000001000 } from './1764000001000-allowance-work';
import { Invoices1764000001010 } from './1764000001010-invoices';
import { SlaRevisions1764000001020 } from './1764000001020-sla-revisions';

/** Every migration, in order. Never rewrite a committed one: add a new file. */
export const MIGRATIONS = [
  Foundation1764000000000,
  Tickets1764000000100,
  Reports1764000000200,
  Procurement1764000000300,
  Ledger1764000000400,
  CloseIndexes1764000000500,
  TicketImport1764000000510,
  DashboardIndexes1764000000520,
  Sessions1764000000600,
  AuditHardening1764000000610,
  TicketImports1764000000620,
  CloseSafeguards1764000000700,
  SlaNotRecorded1764000000730,
  NationalCalendar1764000000800,
  SessionCheck1764000000950,
  TicketNumberCounters1764000000960,
  VendorReadPolicies1764000000970,
  SlaScanProgress1764000000980,
  OnDemandCalls1764000000990,
  AllowanceWork1764000001000,
  Invoices1764000001010,
  SlaRevisions1764000001020,
];
