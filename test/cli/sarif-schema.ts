/**
 * The required shape of SARIF 2.1.0 (OASIS sarif-schema-2.1.0.json) for the objects tlsguard emits,
 * written down from the standard: required properties, enums, value ranges, and the allowed property
 * names of each object (the official schema sets `additionalProperties: false` on them, so a
 * misspelt property is invalid SARIF). Property bags (`properties`) are open, as in the standard.
 */
type Schema = Record<string, unknown>;

const closed = (required: readonly string[], properties: Record<string, Schema>): Schema => ({
  type: 'object',
  required,
  additionalProperties: false,
  properties: { ...properties, properties: { $ref: '#/definitions/propertyBag' } },
});

const any: Schema = {};
const str: Schema = { type: 'string' };
const uri: Schema = { type: 'string', minLength: 1 };
const strArray: Schema = { type: 'array', items: str };

export const sarifSchema: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  definitions: {
    propertyBag: { type: 'object', properties: { tags: { type: 'array', uniqueItems: true, items: str } } },
    message: {
      ...closed([], { text: str, markdown: str, id: str, arguments: strArray }),
      anyOf: [{ required: ['text'] }, { required: ['id'] }],
    },
    multiformatMessageString: closed(['text'], { text: str, markdown: str }),
    level: { enum: ['none', 'note', 'warning', 'error'] },
    artifactLocation: closed([], { uri, uriBaseId: str, index: { type: 'integer', minimum: -1 }, description: { $ref: '#/definitions/message' } }),
    region: closed([], {
      startLine: { type: 'integer', minimum: 1 },
      startColumn: { type: 'integer', minimum: 1 },
      endLine: { type: 'integer', minimum: 1 },
      endColumn: { type: 'integer', minimum: 1 },
      charOffset: { type: 'integer', minimum: -1 },
      charLength: { type: 'integer', minimum: 0 },
      byteOffset: { type: 'integer', minimum: -1 },
      byteLength: { type: 'integer', minimum: 0 },
      snippet: any,
      message: { $ref: '#/definitions/message' },
      sourceLanguage: str,
    }),
    physicalLocation: {
      ...closed([], {
        address: any,
        artifactLocation: { $ref: '#/definitions/artifactLocation' },
        region: { $ref: '#/definitions/region' },
        contextRegion: { $ref: '#/definitions/region' },
      }),
      anyOf: [{ required: ['address'] }, { required: ['artifactLocation'] }],
    },
    location: closed([], {
      id: { type: 'integer', minimum: -1 },
      physicalLocation: { $ref: '#/definitions/physicalLocation' },
      logicalLocations: { type: 'array' },
      message: { $ref: '#/definitions/message' },
      annotations: { type: 'array' },
      relationships: { type: 'array' },
    }),
    toolComponentReference: closed([], { name: str, index: { type: 'integer', minimum: -1 }, guid: str }),
    reportingDescriptorReference: {
      ...closed([], { id: str, index: { type: 'integer', minimum: -1 }, guid: str, toolComponent: { $ref: '#/definitions/toolComponentReference' } }),
      anyOf: [{ required: ['index'] }, { required: ['guid'] }, { required: ['id'] }],
    },
    reportingDescriptor: closed(['id'], {
      id: str,
      deprecatedIds: strArray,
      guid: str,
      deprecatedGuids: strArray,
      name: str,
      deprecatedNames: strArray,
      shortDescription: { $ref: '#/definitions/multiformatMessageString' },
      fullDescription: { $ref: '#/definitions/multiformatMessageString' },
      messageStrings: { type: 'object' },
      defaultConfiguration: closed([], {
        enabled: { type: 'boolean' },
        level: { $ref: '#/definitions/level' },
        rank: { type: 'number', minimum: -1, maximum: 100 },
        parameters: any,
      }),
      helpUri: uri,
      help: { $ref: '#/definitions/multiformatMessageString' },
      relationships: {
        type: 'array',
        items: closed(['target'], {
          target: { $ref: '#/definitions/reportingDescriptorReference' },
          kinds: strArray,
          description: { $ref: '#/definitions/message' },
        }),
      },
    }),
    toolComponent: closed(['name'], {
      guid: str,
      name: str,
      organization: str,
      product: str,
      productSuite: str,
      shortDescription: { $ref: '#/definitions/multiformatMessageString' },
      fullDescription: { $ref: '#/definitions/multiformatMessageString' },
      fullName: str,
      version: str,
      semanticVersion: str,
      dottedQuadFileVersion: str,
      releaseDateUtc: str,
      downloadUri: uri,
      informationUri: uri,
      globalMessageStrings: { type: 'object' },
      notifications: { type: 'array', items: { $ref: '#/definitions/reportingDescriptor' } },
      rules: { type: 'array', items: { $ref: '#/definitions/reportingDescriptor' } },
      taxa: { type: 'array', items: { $ref: '#/definitions/reportingDescriptor' } },
      locations: { type: 'array' },
      language: str,
      contents: strArray,
      isComprehensive: { type: 'boolean' },
      localizedDataSemanticVersion: str,
      minimumRequiredLocalizedDataSemanticVersion: str,
      associatedComponent: { $ref: '#/definitions/toolComponentReference' },
      translationMetadata: any,
      supportedTaxonomies: { type: 'array', items: { $ref: '#/definitions/toolComponentReference' } },
    }),
    result: closed(['message'], {
      ruleId: str,
      ruleIndex: { type: 'integer', minimum: -1 },
      rule: { $ref: '#/definitions/reportingDescriptorReference' },
      kind: { enum: ['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'] },
      level: { $ref: '#/definitions/level' },
      message: { $ref: '#/definitions/message' },
      analysisTarget: { $ref: '#/definitions/artifactLocation' },
      locations: { type: 'array', items: { $ref: '#/definitions/location' } },
      guid: str,
      correlationGuid: str,
      occurrenceCount: { type: 'integer', minimum: 1 },
      partialFingerprints: { type: 'object', additionalProperties: str },
      fingerprints: { type: 'object', additionalProperties: str },
      stacks: { type: 'array' },
      codeFlows: { type: 'array' },
      graphs: { type: 'array' },
      graphTraversals: { type: 'array' },
      relatedLocations: { type: 'array', items: { $ref: '#/definitions/location' } },
      suppressions: { type: 'array' },
      baselineState: { enum: ['new', 'unchanged', 'updated', 'absent'] },
      rank: { type: 'number', minimum: -1, maximum: 100 },
      attachments: { type: 'array' },
      hostedViewerUri: uri,
      workItemUris: { type: 'array', items: uri },
      provenance: any,
      fixes: { type: 'array' },
      taxa: { type: 'array', items: { $ref: '#/definitions/reportingDescriptorReference' } },
      webRequest: any,
      webResponse: any,
    }),
    notification: closed(['message'], {
      locations: { type: 'array', items: { $ref: '#/definitions/location' } },
      message: { $ref: '#/definitions/message' },
      level: { $ref: '#/definitions/level' },
      threadId: { type: 'integer' },
      timeUtc: str,
      exception: any,
      descriptor: { $ref: '#/definitions/reportingDescriptorReference' },
      associatedRule: { $ref: '#/definitions/reportingDescriptorReference' },
    }),
    invocation: closed(['executionSuccessful'], {
      commandLine: str,
      arguments: strArray,
      responseFiles: { type: 'array' },
      startTimeUtc: str,
      endTimeUtc: str,
      exitCode: { type: 'integer' },
      ruleConfigurationOverrides: { type: 'array' },
      notificationConfigurationOverrides: { type: 'array' },
      toolExecutionNotifications: { type: 'array', items: { $ref: '#/definitions/notification' } },
      toolConfigurationNotifications: { type: 'array', items: { $ref: '#/definitions/notification' } },
      exitCodeDescription: str,
      exitSignalName: str,
      exitSignalNumber: { type: 'integer' },
      processStartFailureMessage: str,
      executionSuccessful: { type: 'boolean' },
      machine: str,
      account: str,
      processId: { type: 'integer' },
      executableLocation: { $ref: '#/definitions/artifactLocation' },
      workingDirectory: { $ref: '#/definitions/artifactLocation' },
      environmentVariables: { type: 'object', additionalProperties: str },
      stdin: { $ref: '#/definitions/artifactLocation' },
      stdout: { $ref: '#/definitions/artifactLocation' },
      stderr: { $ref: '#/definitions/artifactLocation' },
      stdoutStderr: { $ref: '#/definitions/artifactLocation' },
    }),
    run: closed(['tool'], {
      tool: closed(['driver'], {
        driver: { $ref: '#/definitions/toolComponent' },
        extensions: { type: 'array', items: { $ref: '#/definitions/toolComponent' } },
      }),
      invocations: { type: 'array', items: { $ref: '#/definitions/invocation' } },
      conversion: any,
      language: str,
      versionControlProvenance: { type: 'array' },
      originalUriBaseIds: { type: 'object', additionalProperties: { $ref: '#/definitions/artifactLocation' } },
      artifacts: { type: 'array' },
      logicalLocations: { type: 'array' },
      graphs: { type: 'array' },
      results: { type: 'array', items: { $ref: '#/definitions/result' } },
      automationDetails: any,
      runAggregates: { type: 'array' },
      baselineGuid: str,
      redactionTokens: strArray,
      defaultEncoding: str,
      defaultSourceLanguage: str,
      newlineSequences: strArray,
      columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
      externalPropertyFileReferences: any,
      threadFlowLocations: { type: 'array' },
      taxonomies: { type: 'array', items: { $ref: '#/definitions/toolComponent' } },
      addresses: { type: 'array' },
      translations: { type: 'array', items: { $ref: '#/definitions/toolComponent' } },
      policies: { type: 'array', items: { $ref: '#/definitions/toolComponent' } },
      webRequests: { type: 'array' },
      webResponses: { type: 'array' },
      specialLocations: any,
    }),
  },
  ...closed(['version', 'runs'], {
    $schema: uri,
    version: { enum: ['2.1.0'] },
    runs: { type: ['array', 'null'], items: { $ref: '#/definitions/run' } },
    inlineExternalProperties: { type: 'array' },
  }),
};

export type SarifValidate = (data: unknown) => string[];

/** A validator for `sarifSchema` (ajv, installed with eslint), or undefined when ajv cannot be loaded. */
export async function loadSarifValidator(): Promise<SarifValidate | undefined> {
  try {
    const mod = (await import('ajv')) as unknown as {
      default: new (options: Record<string, unknown>) => {
        compile(schema: unknown): ((data: unknown) => boolean) & { errors?: { dataPath?: string; instancePath?: string; message?: string }[] | null };
      };
    };
    const ajv = new mod.default({ allErrors: true });
    const check = ajv.compile(sarifSchema);
    return (data) => (check(data) ? [] : (check.errors ?? []).map((e) => `${e.dataPath ?? e.instancePath ?? ''} ${e.message ?? ''}`));
  } catch {
    return undefined;
  }
}
