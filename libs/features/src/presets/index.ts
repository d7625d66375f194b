// The presets feature's public API: what other features may import (eslint forbids deeper imports).
export { PresetsService } from './presets.service';
export { PresetsModule } from './presets.module';
