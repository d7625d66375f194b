import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '../config/app-config';

/** Response headers for every answer (API and console). Filled in by the security work of issue 11. */
export function applySecurityHeaders(_app: NestExpressApplication, _config: AppConfig): void {}
