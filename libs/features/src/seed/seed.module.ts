import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports';
import { TicketsModule } from '../tickets';
import { DemoActivity } from './demo-activity';
import { DemoSeeder } from './demo-seeder';

/**
 * The five agencies' demo data at first start (not in production), and the demo's live activity (tickets and
 * reports through their services). The showcase's other services are resolved from the application (DemoSeeder).
 */
@Module({ imports: [TicketsModule, ReportsModule], providers: [DemoActivity, DemoSeeder] })
export class SeedModule {}
