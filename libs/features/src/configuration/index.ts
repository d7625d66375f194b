// The configuration feature's public API: what other features may import (eslint forbids deeper imports).
export { ConfigurationService } from './configuration.service';
export { ConfigurationModule } from './configuration.module';
