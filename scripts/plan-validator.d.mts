export declare const VALIDATOR_FILE: string;
export declare const AJV_OPTIONS: { allErrors: boolean; strict: boolean; allowUnionTypes: boolean; verbose: boolean };
export declare function validatorSource(schema: object): string;
