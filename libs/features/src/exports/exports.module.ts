import { Module } from '@nestjs/common';
import { ExportsController } from './exports.controller';
import { ExportsRepository } from './exports.repository';
import { ExportsResolver } from './exports.resolver';
import { ExportsService } from './exports.service';

/** Finance exports of payment schedules: requestExport / export(id) (GraphQL) and GET /exports/:id/download (REST). */
@Module({ providers: [ExportsRepository, ExportsService, ExportsResolver], controllers: [ExportsController] })
export class ExportsModule {}
