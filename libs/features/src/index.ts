// The features library's public API: what the two processes (apps/api, apps/worker) compose. Every bounded context
// (tickets, reports, staffing, period-close, schedules, exports, procurement, calendar, platform, …) is one folder
// here with its resolver, service, repository, GraphQL models and job handlers; the building blocks they share are
// auth/, config/, database/, graphql/, http/, shared/ and web/ (docs/architecture.md).
export { AuthGuard } from './auth/auth.guard';
export { AuthResolver } from './auth/auth.resolver';
export { AuthService } from './auth/auth.service';
export { resolveJwtSecret } from './auth/jwt-secret';
export type { Principal } from './auth/principal';
export { Public } from './auth/public.decorator';
export { SessionVerifier } from './auth/session-verifier';
export { loadAppConfig, type AppConfig } from './config/app-config';
export { CoreModule } from './core.module';
export { FEATURE_MODULES } from './feature-modules';
export { errorLogPlugin } from './graphql/error-log.plugin';
export { createErrorFormatter } from './graphql/format-error';
export { InputTextPlugin } from './graphql/input-text.plugin';
export { GraphqlRequestLimits } from './graphql/request-limits';
export { configureHttp } from './http/configure-http';
export { JOB_FEATURES } from './job-features';
export { NationalCalendarStore } from './shared/national-calendar.store';
export type { GoverningConfig } from './tickets/ticket-sla.job';
export { WebConsole } from './web/web-console';
