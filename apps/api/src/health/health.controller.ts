import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { TenantDatabase } from '@ledger/persistence';
import { Public } from '@ledger/features';

/**
 * Healthy = able to serve: the database answers. No heap threshold: a process holding caches is not
 * unhealthy, and restarting it for that would only drop requests.
 */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TenantDatabase,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      async () => {
        await this.db.ping();
        return { database: { status: 'up' } };
      },
    ]);
  }
}
