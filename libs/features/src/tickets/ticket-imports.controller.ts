import {
  type ArgumentsHost,
  Catch,
  Controller,
  type ExceptionFilter,
  HttpCode,
  HttpException,
  Post,
  Query,
  Req,
  UseFilters,
} from '@nestjs/common';
import { MAX_IMPORT_BYTES, MAX_XLSX_IMPORT_BYTES } from '@ledger/contracts';
import { maxBytesOf, sniffFormat, type TicketFileFormat } from './ticket-file.reader';
import { DomainError, ValidationError, problem } from '@ledger/kernel';
import type { Request, Response } from 'express';
import { TicketImportMode, type TicketImportModel } from './tickets.models';
import { ticketImportParams } from './tickets.schemas';
import { TicketsService } from './tickets.service';
import { argumentProblems } from '../graphql/validate-input.interceptor';
import { domainExtensions } from '../graphql/format-error';
import { DOMAIN_STATUS } from '../http/http-errors';

/** Domain errors (the auth guard's UNAUTHENTICATED too) as `{ code, message, problems? }` with their status; HTTP errors (413, 415) as theirs; the rest masked. */
@Catch()
export class ImportErrorFilter implements ExceptionFilter {
  catch(e: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (e instanceof DomainError) {
      res
        .status(DOMAIN_STATUS[e.code] ?? 400)
        .json({ ...domainExtensions(e.code, e), code: e.code, message: e.message });
      return;
    }
    if (e instanceof HttpException) {
      // An upload refused before it was read whole: close the connection rather than read the rest of it.
      if (e.getStatus() === 413) res.setHeader('Connection', 'close');
      res
        .status(e.getStatus())
        .json({ code: e.getStatus() === 413 ? 'PAYLOAD_TOO_LARGE' : 'UNSUPPORTED_MEDIA_TYPE', message: e.message });
      return;
    }
    res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
  }
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Bodies Express's own parsers read (JSON, forms) never reach this route as bytes: refused with what to send instead. */
const PARSED_TYPES = ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'];

const tooLarge = (limit: number) =>
  new HttpException(`the file is larger than ${limit} bytes (${limit / 2 ** 20} MiB)`, 413);

/**
 * The request body, read as it arrives and refused (413) as soon as it passes `limit` — never buffered beyond it.
 * A declared Content-Length above the limit is refused before any byte is read.
 */
async function readBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(b);
  }
  return Buffer.concat(chunks, size);
}

/**
 * `POST /imports/tickets?contractId=…[&mode=ALL_OR_NOTHING|PARTIAL][&fileName=…]` with the session's Bearer token
 * and the file itself as the body (`Content-Type: text/csv`, the XLSX type, or `application/octet-stream`). The
 * global AuthGuard authenticates it like any GraphQL operation; the service checks the caller may submit tickets on
 * the contract (the createTicket check: buyer roles, row-level security first) before the body is read. Answers 202
 * with the import (`ticketImport(id)` in GraphQL gives its progress).
 */
@Controller('imports')
@UseFilters(ImportErrorFilter)
export class TicketImportsController {
  constructor(private readonly service: TicketsService) {}

  @Post('tickets')
  @HttpCode(202)
  async upload(
    @Query('contractId') contractId: string | undefined,
    @Query('mode') mode: string | undefined,
    @Query('fileName') fileName: string | undefined,
    @Req() req: Request,
  ): Promise<TicketImportModel> {
    const problems = argumentProblems(ticketImportParams, { contractId, mode, fileName });
    if (problems.length || !contractId) throw new ValidationError(problems, problems.map((p) => p.message).join('; '));
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (PARSED_TYPES.includes(type))
      throw new HttpException(
        `send the file itself as the body (Content-Type text/csv, ${XLSX_TYPE} or application/octet-stream), not ${type}`,
        415,
      );
    await this.service.assertCanImport(contractId);
    // The declared XLSX type gets the XLSX limit at once; otherwise the CSV limit, and the XLSX one once the bytes say zip.
    const body = await readBody(req, type === XLSX_TYPE ? MAX_XLSX_IMPORT_BYTES : MAX_IMPORT_BYTES);
    if (body.length === 0) throw new ValidationError([problem('file', 'import.emptyBody')]);
    const format: TicketFileFormat = sniffFormat(body);
    if (type === XLSX_TYPE && format !== 'xlsx') throw new ValidationError([problem('file', 'import.notXlsx')]);
    if (body.length > maxBytesOf(format)) throw tooLarge(maxBytesOf(format));
    return this.service.startImport({
      contractId,
      fileName: fileName ?? null,
      format,
      mode: mode === TicketImportMode.PARTIAL ? TicketImportMode.PARTIAL : TicketImportMode.ALL_OR_NOTHING,
      content: body,
    });
  }
}
