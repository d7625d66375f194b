// The settlement feature's public API: what other features may import (eslint forbids deeper imports).
export { ScheduleModel } from './settlement.models';
