import { Injectable } from '@nestjs/common';
import { contractConfigJsonSchema, validateContractConfig, type ValidationResult } from '@ledger/contracts';
import type { Problem } from '@ledger/kernel';

@Injectable()
export class ConfigurationService {
  private readonly jsonSchema = contractConfigJsonSchema();

  /**
   * The one validation of a configuration: checkContractConfiguration reports it and every save
   * (createContract, updateContractConfiguration) refuses with it, so the two always agree.
   */
  validate(configuration: unknown): ValidationResult {
    return validateContractConfig(configuration);
  }

  /** Dry run: validates and reports every problem; stores nothing. */
  check(configuration: unknown): { valid: boolean; problems: Problem[] } {
    const result = this.validate(configuration);
    return result.ok ? { valid: true, problems: [] } : { valid: false, problems: result.problems };
  }

  schema(): Record<string, unknown> {
    return this.jsonSchema;
  }
}
