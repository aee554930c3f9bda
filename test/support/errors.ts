/**
 * Errors shaped like Office.js's OfficeExtension.Error: a `code` the add-in can branch on,
 * Excel's own message, and `debugInfo.errorLocation` naming the failing call ("Range.values").
 */

export const ErrorCode = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidObjectPath: "InvalidObjectPath",
  invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  invalidSelection: "InvalidSelection",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  notImplemented: "NotImplemented",
  propertyNotLoaded: "PropertyNotLoaded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  runMustReturnPromise: "RunMustReturnPromise",
  valueNotLoaded: "ValueNotLoaded",
} as const;

export type ErrorCodeName = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Messages as Office.js (client side) and Excel (host side) word them. */
const MESSAGES: Record<ErrorCodeName, string> = {
  // What Excel says when a write meets a protected sheet.
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound:
    "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  GeneralException: "There was an internal error while processing the request.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidObjectPath:
    'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
  InvalidOperation: "The operation attempted is invalid on the object.",
  InvalidOperationInCellEditMode:
    "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  InvalidReference: "This reference is not valid for the current operation.",
  InvalidSelection: "The current selection is invalid for this operation.",
  ItemAlreadyExists: "The resource being created already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  NotImplemented: "The requested feature isn't implemented.",
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit.",
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
};

export class HostError extends Error implements OfficeExtension.Error {
  override name = "RichApi.Error";
  readonly code: string;
  readonly debugInfo: OfficeExtension.DebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError = null as unknown as OfficeExtension.Error;
  declare stack: string;

  constructor(code: ErrorCodeName, options: { message?: string; location?: string } = {}) {
    const message = options.message ?? MESSAGES[code];
    super(message);
    this.code = code;
    this.debugInfo = { code, message, errorLocation: options.location };
  }

  /** Names the call that failed, unless an inner step already did. */
  at(location: string): this {
    this.debugInfo.errorLocation ??= location;
    return this;
  }
}

export function propertyNotLoaded(entity: string, property: string): HostError {
  return new HostError("PropertyNotLoaded", {
    message: MESSAGES.PropertyNotLoaded.replace("{0}", property),
    location: `${entity}.${property}`,
  });
}

export function apiNotFound(member: string, requirement: string): HostError {
  return new HostError("ApiNotFound", {
    message: `The method or property ${member} is part of the ${requirement} requirement set, which is not available in your version of Excel.`,
    location: member,
  });
}

/** A feature of Excel the simulated host does not model: says so plainly rather than guessing. */
export function notSimulated(what: string, location?: string): HostError {
  return new HostError("NotImplemented", {
    message: `The simulated Excel host does not implement ${what}.`,
    location,
  });
}

export function hostError(code: ErrorCodeName, message?: string): HostError {
  return new HostError(code, { message });
}
