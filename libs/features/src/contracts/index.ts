// The contracts feature's public API: what other features may import (eslint forbids deeper imports).
export { ContractAccess, type ContractNeed } from './contract-access';
export { ContractPageModel } from './contracts.models';
export { ContractsRepository } from './contracts.repository';
