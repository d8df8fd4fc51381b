import type { Rule } from '../../engine/types';
import { invalidConfig } from './invalid-config';
import { invalidPyproject } from './invalid-pyproject';
import { missingDependency } from './missing-dependency';
import { missingMetadata } from './missing-metadata';
import { missingPackageFile } from './missing-package-file';
import { namespaceWheelConfig } from './namespace-wheel-config';
import { packageName } from './package-name';
import { pythonClassifiers } from './python-classifiers';
import { requiresPython } from './requires-python';
import { ruffSuppressionPolicy } from './ruff-suppression-policy';
import { typeCheckerCoverage } from './type-checker-coverage';
import { versionSync } from './version-sync';
import { workspaceSource } from './workspace-source';

export const PYPROJECT_RULES: readonly Rule[] = [
  invalidPyproject,
  invalidConfig,
  requiresPython,
  packageName,
  versionSync,
  missingMetadata,
  pythonClassifiers,
  workspaceSource,
  missingDependency,
  namespaceWheelConfig,
  missingPackageFile,
  typeCheckerCoverage,
  ruffSuppressionPolicy,
];
