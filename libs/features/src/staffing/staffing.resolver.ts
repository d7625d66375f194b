import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AddStaffMemberInput,
  RecordReplacementInput,
  StaffMemberModel,
  StaffReplacementModel,
  StaffRosterModel,
} from './staffing.models';
import { addStaffMemberArgs, recordReplacementArgs, staffRosterArgs } from './staffing.schemas';
import { StaffingService } from './staffing.service';
import { ValidateInput } from '../graphql/validate-input.interceptor';

@Resolver(() => StaffRosterModel)
export class StaffingResolver {
  constructor(private readonly service: StaffingService) {}

  @Query(() => StaffRosterModel, {
    description:
      'The roster, its replacements, turnover per role class against the caps, and the team minimums on a day.',
  })
  @ValidateInput(staffRosterArgs)
  staffRoster(
    @Args('contractId', { type: () => ID, description: 'The contract.' }) contractId: string,
    @Args('asOf', {
      type: () => String,
      nullable: true,
      description: 'The day, YYYY-MM-DD local date; default today, within the term.',
    })
    asOf?: string | null,
  ): Promise<StaffRosterModel> {
    return this.service.roster(contractId, asOf);
  }

  @Mutation(() => StaffMemberModel, {
    description: 'Vendor: put a person on the roster in a role of the staffing plan.',
  })
  @ValidateInput(addStaffMemberArgs, 'defer')
  addStaffMember(
    @Args('input', { description: 'The person and role.' }) input: AddStaffMemberInput,
  ): Promise<StaffMemberModel> {
    return this.service.addMember(input);
  }

  @Mutation(() => StaffReplacementModel, {
    description: 'Vendor: replace a staff member; notice / handover / interview problems are recorded and returned.',
  })
  @ValidateInput(recordReplacementArgs, 'defer')
  recordReplacement(
    @Args('input', { description: 'The replacement.' }) input: RecordReplacementInput,
  ): Promise<StaffReplacementModel> {
    return this.service.recordReplacement(input);
  }
}
