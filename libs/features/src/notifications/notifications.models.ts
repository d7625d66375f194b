import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar, type JsonValue } from '../graphql/json.scalar';

@ObjectType('Notification', {
  description:
    'A warning raised by the SLA jobs (75 % / 100 % of a target); raised once per ticket, target and threshold.',
})
export class NotificationModel {
  @Field(() => ID, { description: 'The notification id (UUID).' })
  id!: string;

  @Field(() => ID, { description: 'The buyer tenant.' })
  tenantId!: string;

  @Field(() => ID, { description: 'The contract concerned.' })
  contractId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The ticket concerned; null for calendar-recomputed and sla-revised.',
  })
  ticketId!: string | null;

  @Field({
    description:
      "sla-at-risk (≥ 75 % of a target used, clock running), sla-breached (≥ 100 %), calendar-recomputed (the national calendar changed: how many of the contract's results were recomputed and changed), sla-revised (open tickets moved onto a newer configuration version: how many moved, kept their version, changed), or allowance-warning / allowance-used-up / allowance-beyond (a free-work allowance reached 80 %, 100 %, or went beyond)",
  })
  kind!: string;

  @Field({ description: 'info, warning or critical' })
  severity!: string;

  @Field({ description: 'What happened, in Chinese, with the figures (elapsed / target minutes, deadline).' })
  message!: string;

  @Field(() => JsonScalar, {
    description:
      'ticketNumber, targetId, targetName, threshold, elapsedMinutes, targetMinutes, percentUsed, deadline, evaluatedAt, configVersion, calendarVersion, …',
  })
  details!: JsonValue;

  @Field({ description: 'What makes the notification unique within the tenant, e.g. sla-<ticketId>-<targetId>-75.' })
  dedupeKey!: string;

  @Field(() => Date, { description: 'When it was raised (ISO 8601 instant).' })
  createdAt!: Date;
}

@ObjectType('StoredTicketSla', {
  description: "A ticket's SLA results as stored by the ticket-sla job at one point of its history (append-only).",
})
export class StoredTicketSlaModel {
  @Field(() => ID, { description: 'The stored result id (UUID).' })
  id!: string;

  @Field(() => ID, { description: 'The ticket.' })
  ticketId!: string;

  @Field(() => ID, { description: 'The contract of the ticket.' })
  contractId!: string;

  @Field(() => Int, { description: 'How many events of the ticket the results were computed from.' })
  eventCount!: number;

  @Field(() => Int, {
    description: 'The contract configuration version whose SLA policy was applied (the one governing the ticket).',
  })
  configVersion!: number;

  @Field({
    description:
      'The national calendar version (with the tenant configuration part, +cfg-<hash>) the results were computed on.',
  })
  calendarVersion!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Set on a result recomputed because the national calendar changed (a provisional year published, a correction): the version of the result it replaces.',
  })
  previousCalendarVersion!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Set on a result recomputed because its open ticket was moved onto a newer configuration version (adoptSlaRevision): the version of the result it replaces.',
  })
  previousConfigVersion!: number | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The stored result this recomputation replaces (it stays in the history).',
  })
  supersedesId!: string | null;

  @Field({
    description: 'breached when any target is breached, else running when any runs, else met (at evaluatedAt).',
  })
  status!: string;

  @Field(() => JsonScalar, {
    description: 'The per-target results, as the `sla.targets` field of a ticket shows them (each with `provisional`).',
  })
  targets!: JsonValue;

  @Field({
    description:
      'Some target was computed on a provisional calendar year (domain rule 18); results stored before provisional years were used say false.',
  })
  provisional!: boolean;

  @Field(() => Date, { description: 'The instant the running clocks were measured to.' })
  evaluatedAt!: Date;

  @Field(() => Date, { description: 'When the job stored the result (ISO 8601 instant).' })
  computedAt!: Date;
}
