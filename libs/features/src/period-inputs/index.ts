// The period-inputs feature's public API: what other features may import (eslint forbids deeper imports).
export { PeriodInputsService } from './period-inputs.service';
