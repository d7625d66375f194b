import { z } from 'zod';
import { contractConfigSchema } from './contract-config.schema';

/** The JSON Schema of a configuration as written (input side: decimals as strings or numbers). */
export function contractConfigJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(contractConfigSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
