// The allowances feature's public API: what other features may import (eslint forbids deeper imports).
export { AllowancesModule } from './allowances.module';
export { AllowanceCheckJob } from './allowance-check.job';
export { AllowancesService } from './allowances.service';
