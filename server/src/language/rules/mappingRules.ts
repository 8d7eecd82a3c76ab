/**
 * The cross-resource rules: what a mapping declared in infrastructure code (CloudFormation, SAM,
 * Terraform) shows beyond the request itself. They see format-neutral facts only
 * (templates/deploymentModel.ts) and run after the request rules (templates/runMappingRules.ts).
 */
import type { MappingRule } from '../templates/deploymentModel';
import { destinationPermissions } from './destination-permissions';
import { destinationResourceType } from './destination-resource-type';

export const MAPPING_RULES: readonly MappingRule[] = [destinationResourceType, destinationPermissions];
