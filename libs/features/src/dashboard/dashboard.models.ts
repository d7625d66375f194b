import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MoneyScalar } from '../graphql/money.scalar';

/** The counts every level of the SLA tiles has (a target, a severity, the month): one definition, three types. */
@ObjectType({ isAbstract: true })
abstract class DashboardSlaCounts {
  @Field(() => Int, { description: 'Clocks that stopped in the month within their target.' })
  met!: number;

  @Field(() => Int, { description: 'Clocks that stopped in the month after their target.' })
  breached!: number;

  @Field(() => Int, {
    description:
      'Targets of tickets that ended in the month without the stop event (not recorded): counted apart, neither met nor breached.',
  })
  notRecorded!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'met ÷ (met + breached) × 100, half up to two decimals ("96.50"); not-recorded targets are not in it; null when no clock stopped in the month.',
  })
  compliancePercent!: string | null;

  @Field(() => Int, { description: 'Clocks running now (open tickets), at risk and overdue included.' })
  running!: number;

  @Field(() => Int, { description: 'Running clocks at 75 % of their budget or more, not yet overdue.' })
  atRisk!: number;

  @Field(() => Int, { description: 'Running clocks past their deadline (a breach that is still open).' })
  overdue!: number;
}

@ObjectType('DashboardSlaTarget', {
  description: 'Clocks of one SLA target (e.g. response, resolution) of one severity.',
})
export class DashboardSlaTargetModel extends DashboardSlaCounts {
  @Field({ description: 'The target id in the SLA policy of the configuration.' })
  targetId!: string;

  @Field({ description: "The target's name in the configuration (as stored with the result)." })
  name!: string;
}

@ObjectType('DashboardSlaSeverity', {
  description: 'The SLA tiles of one severity: its targets summed, and each target.',
})
export class DashboardSlaSeverityModel extends DashboardSlaCounts {
  @Field({ description: 'The severity, e.g. L4.' })
  severity!: string;

  @Field({
    description: "The severity's name in the contract's current configuration (一般故障), else its id.",
  })
  severityName!: string;

  @Field(() => [DashboardSlaTargetModel], { description: 'Each target of the severity.' })
  targets!: DashboardSlaTargetModel[];
}

@ObjectType('DashboardSla', {
  description:
    "SLA compliance of the month (clocks that stopped in it) and the contract's running clocks now, from the stored SLA results.",
})
export class DashboardSlaModel extends DashboardSlaCounts {
  @Field({ description: 'YYYY-MM on the contract calendar (Asia/Shanghai).' })
  month!: string;

  @Field(() => [DashboardSlaSeverityModel], {
    description: 'By severity (only severities with a clock in the month or running).',
  })
  severities!: DashboardSlaSeverityModel[];
}

@ObjectType('DashboardClose', { description: 'The last confirmed period close.' })
export class DashboardCloseModel {
  @Field(() => ID, { description: 'The close id.' })
  closeId!: string;

  @Field({ description: 'The period closed, e.g. 2026-H1.' })
  period!: string;

  @Field(() => Int, { description: 'The revision of the period close.' })
  revision!: number;

  @Field(() => String, { nullable: true, description: 'The period score ("92.50"); null when the close has none.' })
  score!: string | null;

  @Field(() => String, { nullable: true, description: 'The grade letter; null when the close has none.' })
  grade!: string | null;

  @Field({ description: 'When it was confirmed (ISO 8601 instant).' })
  confirmedAt!: Date;
}

@ObjectType('DashboardPayment', {
  description: 'The next line of the stored payment schedule that is scheduled or due.',
})
export class DashboardPaymentModel {
  @Field({ description: 'The schedule line id, e.g. quarterly.2026-Q1.' })
  lineId!: string;

  @Field({ description: 'The line label.' })
  label!: string;

  @Field({ description: 'scheduled | due' })
  status!: string;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD; null while it waits for an event (e.g. acceptance).',
  })
  dueDate!: string | null;

  @Field(() => MoneyScalar, { description: 'The net of the line (gross less deductions).' })
  net!: string;

  @Field(() => MoneyScalar, { description: 'What has been paid on the line.' })
  paid!: string;

  @Field(() => MoneyScalar, { description: 'net − paid: what remains to pay on the line.' })
  outstanding!: string;

  @Field({ description: 'The date the schedule statuses are as of.' })
  scheduleAsOf!: string;

  @Field({ description: 'When the schedule was computed (ISO 8601 instant).' })
  scheduleComputedAt!: Date;
}

@ObjectType('DashboardNotifications', {
  description:
    "SLA warnings raised in the month, once per ticket and target (its highest threshold), and only where the target's current clock bears the warning out: still running, or stopped at or past the threshold — not a clock later met below it or not recorded.",
})
export class DashboardNotificationsModel {
  @Field(() => Int, { description: 'Tickets × targets warned (critical + warning).' })
  total!: number;

  @Field(() => Int, { description: 'Ticket targets that reached 100 % (sla-breached).' })
  critical!: number;

  @Field(() => Int, { description: 'Ticket targets that reached 75 % (sla-at-risk) but not 100 %.' })
  warning!: number;

  @Field(() => Date, {
    nullable: true,
    description: 'When the latest of those warnings was raised (ISO 8601 instant); null when none.',
  })
  latestAt!: Date | null;
}

@ObjectType('ContractDashboard', {
  description:
    "A contract's status tiles: SLA compliance, open breaches, last confirmed close, next payment, warnings.",
})
export class ContractDashboardModel {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field(() => ID, { description: 'The buyer tenant.' })
  tenantId!: string;

  @Field({ description: 'The contract code.' })
  contractCode!: string;

  @Field({ description: 'The contract name.' })
  contractName!: string;

  @Field({ description: 'The instant the tiles were read (running clocks are judged against it).' })
  asOf!: Date;

  @Field(() => DashboardSlaModel, { description: 'SLA compliance of the month and the running clocks.' })
  sla!: DashboardSlaModel;

  @Field(() => Int, { description: 'Open tickets with at least one overdue clock.' })
  openBreaches!: number;

  @Field(() => DashboardCloseModel, { nullable: true, description: 'The last confirmed period close; null when none.' })
  lastConfirmedClose!: DashboardCloseModel | null;

  @Field(() => DashboardPaymentModel, {
    nullable: true,
    description: 'Null without a stored schedule or when nothing remains scheduled or due.',
  })
  nextPayment!: DashboardPaymentModel | null;

  @Field(() => DashboardNotificationsModel, { description: 'SLA warnings of the month.' })
  notifications!: DashboardNotificationsModel;
}
