import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ExportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
export enum ExportStatus {
  QUEUED = 'QUEUED',
  READY = 'READY',
  FAILED = 'FAILED',
}
registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  valuesMap: {
    CSV: { description: 'Comma-separated values, UTF-8 with BOM.' },
    XLSX: { description: 'An Excel workbook.' },
  },
  description:
    'CSV: UTF-8 with a byte-order mark (Excel opens the Chinese correctly), RFC 4180. XLSX: one sheet 付款计划, amounts formatted #,##0.00.',
});
registerEnumType(ExportStatus, {
  name: 'ExportStatus',
  valuesMap: {
    QUEUED: { description: 'Waiting for the render-export job.' },
    READY: { description: 'Rendered; download it at downloadPath.' },
    FAILED: { description: 'Not rendered; see error.' },
  },
  description:
    'QUEUED until the render-export job has run; then READY (download it) or FAILED (see error). Written once.',
});

@ObjectType('Export', {
  description:
    'A finance export of payment schedules (the latest stored schedule of each contract), rendered by a job.',
})
export class ExportModel {
  @Field(() => ID, { description: 'The export id (UUID).' })
  id!: string;

  @Field(() => ID, { nullable: true, description: 'The contract exported; null = every contract of the tenant.' })
  contractId!: string | null;

  @Field(() => ExportStatus, { description: 'Where the export is in its life.' })
  status!: ExportStatus;

  @Field(() => ExportFormat, { description: 'The file format requested.' })
  format!: ExportFormat;

  @Field(() => String, { nullable: true, description: 'e.g. 付款计划-xuzhou-2026-2027-03-01.xlsx (when READY).' })
  fileName!: string | null;

  @Field(() => Int, { nullable: true, description: 'Size of the file in bytes (when READY).' })
  byteSize!: number | null;

  @Field({ description: 'The render-export job (its outbox row in the jobs table).' })
  jobId!: string;

  @Field({ description: 'When the export was requested (ISO 8601 instant).' })
  createdAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When the job rendered it or failed (ISO 8601 instant); null while QUEUED.',
  })
  completedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the export failed (e.g. no payment schedule stored yet).' })
  error!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'GET this path with the same Bearer token to download the file (when READY): /exports/<id>/download.',
  })
  downloadPath!: string | null;
}

@InputType({ description: 'What to export.' })
export class RequestExportInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The contract to export; absent = every contract of the tenant (buyer roles and finance only).',
  })
  contractId?: string | null;

  @Field(() => ExportFormat, { description: 'CSV or XLSX.' })
  format!: ExportFormat;
}
