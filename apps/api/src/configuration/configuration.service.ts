import { Injectable } from '@nestjs/common';
import { contractConfigJsonSchema, validateContractConfig } from '@ledger/contracts';
import type { Problem } from '@ledger/kernel';

@Injectable()
export class ConfigurationService {
  private readonly jsonSchema = contractConfigJsonSchema();

  /** Dry run: validates and reports every problem; stores nothing. */
  check(configuration: unknown): { valid: boolean; problems: Problem[] } {
    const result = validateContractConfig(configuration);
    return result.ok ? { valid: true, problems: [] } : { valid: false, problems: result.problems };
  }

  schema(): Record<string, unknown> {
    return this.jsonSchema;
  }
}
