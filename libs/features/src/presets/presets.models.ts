import { Field, ID, ObjectType } from '@nestjs/graphql';
import { JsonScalar, type JsonOutput } from '../graphql/json.scalar';

@ObjectType('Preset', {
  description: 'A ready-made contract configuration, transcribed from one of the seed contracts with its sources.',
})
export class PresetModel {
  @Field(() => ID, { description: 'The preset id, e.g. "huaian-2025-2026".' })
  id!: string;

  @Field({ description: 'Title in Chinese, e.g. 徐州市医疗保障基金安全监测管理中心 2026 年运维服务' })
  title!: string;

  @Field({ description: 'The agency (buyer) the contract belongs to.' })
  tenant!: string;

  @Field(() => JsonScalar, {
    description: 'The configuration, in the configuration language (with sources and notes).',
  })
  configuration!: JsonOutput;
}
