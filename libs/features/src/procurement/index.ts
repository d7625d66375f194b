// The procurement feature's public API: what other features may import (eslint forbids deeper imports).
export { ProcurementService } from './procurement.service';
