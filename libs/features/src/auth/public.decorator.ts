import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';

/** Operations anyone may call: login, health, the configuration language's reference operations. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
