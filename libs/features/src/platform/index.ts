// The platform feature's public API: what other features may import (eslint forbids deeper imports).
export { TenantModel } from './platform.models';
export { PlatformRepository } from './platform.repository';
