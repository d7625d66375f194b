import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, MemoryHealthIndicator } from '@nestjs/terminus';
import { TenantDatabase } from '@ledger/persistence';
import { Public } from '../auth/public.decorator';

const HEAP_LIMIT_BYTES = 1024 * 1024 * 1024;

@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly memory: MemoryHealthIndicator,
    private readonly db: TenantDatabase,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.memory.checkHeap('heap', HEAP_LIMIT_BYTES),
      async () => {
        await this.db.ping();
        return { database: { status: 'up' } };
      },
    ]);
  }
}
