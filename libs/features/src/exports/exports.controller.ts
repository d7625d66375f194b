import {
  type ArgumentsHost,
  Catch,
  Controller,
  type ExceptionFilter,
  Get,
  Param,
  Res,
  UseFilters,
} from '@nestjs/common';
import { DomainError } from '@ledger/kernel';
import type { Response } from 'express';
import { ExportsService } from './exports.service';
import { DOMAIN_STATUS } from '../http/http-errors';

/** Domain errors (also the auth guard's UNAUTHENTICATED) as HTTP statuses with a JSON body `{ code, message }`; the rest is masked. */
@Catch()
export class DownloadErrorFilter implements ExceptionFilter {
  catch(e: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (e instanceof DomainError) {
      res.status(DOMAIN_STATUS[e.code] ?? 400).json({ code: e.code, message: e.message });
      return;
    }
    res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
  }
}

/** RFC 5987 value: UTF-8, percent-encoded, with the characters encodeURIComponent leaves alone but the grammar does not allow. */
const rfc5987 = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A plain ASCII name for old clients: 付款计划 → payment-schedule, 全部合同 → all-contracts, anything else non-ASCII → _. */
export function asciiFileName(name: string): string {
  return name
    .replace(/付款计划/g, 'payment-schedule')
    .replace(/全部合同/g, 'all-contracts')
    .replace(/[^\x20-\x7e]|["\\;]/g, '_');
}

export function contentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

/**
 * `GET /exports/:id/download` with the session's Bearer token (the global AuthGuard applies to controllers too).
 * Reads through the caller's scope, so row-level security decides: another tenant's (or vendor's) export is 404.
 */
@Controller('exports')
@UseFilters(DownloadErrorFilter)
export class ExportsController {
  constructor(private readonly service: ExportsService) {}

  @Get(':id/download')
  async download(@Param('id') id: string, @Res() res: Response): Promise<void> {
    const f = await this.service.file(id);
    res.setHeader('Content-Type', f.contentType);
    res.setHeader('Content-Disposition', contentDisposition(f.fileName));
    res.setHeader('Content-Length', String(f.content.length));
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.status(200).end(f.content);
  }
}
