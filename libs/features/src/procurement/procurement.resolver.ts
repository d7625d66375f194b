import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AddProcurementPackageInput,
  CreateProcurementProjectInput,
  PackageRankingModel,
  ProcurementBidModel,
  ProcurementEvaluatorSheetModel,
  ProcurementPackageModel,
  ProcurementProjectModel,
  RecordBidInput,
  RecordEvaluatorSheetInput,
} from './procurement.models';
import {
  addProcurementPackageArgs,
  createProcurementProjectArgs,
  recordBidArgs,
  recordEvaluatorSheetArgs,
} from './procurement.schemas';
import { ProcurementService } from './procurement.service';
import { ValidateInput } from '../graphql/validate-input.interceptor';

@Resolver()
export class ProcurementResolver {
  constructor(private readonly service: ProcurementService) {}

  @Query(() => [ProcurementProjectModel], {
    description: "The tenant's procurement projects (buyer roles; a vendor sees none).",
  })
  procurementProjects(): Promise<ProcurementProjectModel[]> {
    return this.service.projects();
  }

  @Query(() => ProcurementPackageModel, { description: 'A package with its scheme, bids and evaluator sheets.' })
  procurementPackage(
    @Args('id', { type: () => ID, description: 'The package id.' }) id: string,
  ): Promise<ProcurementPackageModel> {
    return this.service.package(id);
  }

  @Query(() => [ProcurementPackageModel], {
    description:
      "A project's packages by number, each with its scheme, bids and evaluator sheets (buyer roles, finance).",
  })
  procurementPackages(
    @Args('projectId', { type: () => ID, description: 'The project.' }) projectId: string,
  ): Promise<ProcurementPackageModel[]> {
    return this.service.packages(projectId);
  }

  @Query(() => PackageRankingModel, {
    description: 'Scores and ranking of a package (libs/scoring scoreProcurement), computed on read.',
  })
  packageRanking(
    @Args('packageId', { type: () => ID, description: 'The package.' }) packageId: string,
  ): Promise<PackageRankingModel> {
    return this.service.ranking(packageId);
  }

  @Mutation(() => ProcurementProjectModel, { description: 'Buyer admin or staff: open a procurement project.' })
  @ValidateInput(createProcurementProjectArgs)
  createProcurementProject(
    @Args('input', { description: 'Code and name.' }) input: CreateProcurementProjectInput,
  ): Promise<ProcurementProjectModel> {
    return this.service.createProject(input);
  }

  @Mutation(() => ProcurementPackageModel, {
    description:
      "Buyer admin or staff: add a package from a Tianjin preset's procurement scheme and budget, or from a scheme.",
  })
  @ValidateInput(addProcurementPackageArgs)
  addProcurementPackage(
    @Args('input', { description: 'The package.' }) input: AddProcurementPackageInput,
  ): Promise<ProcurementPackageModel> {
    return this.service.addPackage(input);
  }

  @Mutation(() => ProcurementBidModel, {
    description: "Buyer admin or staff: record a bidder's final offer and the objective answers.",
  })
  @ValidateInput(recordBidArgs, 'defer')
  recordBid(@Args('input', { description: 'The bid.' }) input: RecordBidInput): Promise<ProcurementBidModel> {
    return this.service.recordBid(input);
  }

  @Mutation(() => ProcurementEvaluatorSheetModel, {
    description: "Buyer admin or staff: record one evaluator's subjective sheet for one bid.",
  })
  @ValidateInput(recordEvaluatorSheetArgs, 'defer')
  recordEvaluatorSheet(
    @Args('input', { description: 'The sheet.' }) input: RecordEvaluatorSheetInput,
  ): Promise<ProcurementEvaluatorSheetModel> {
    return this.service.recordEvaluatorSheet(input);
  }
}
