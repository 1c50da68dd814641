export declare const SCHEMA_FILE: string;
export declare const DATA_FILE: string;
export declare function schemaDataSource(json: string): string;
