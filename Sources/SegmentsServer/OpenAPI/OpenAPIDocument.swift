import Foundation
import SegmentsAPI

/// Renders the OpenAPI 3.1 document served at `/openapi.json`.
enum OpenAPIDocument {
    static let json: Data = JSONCoding.object(document)

    static var document: [String: JSONValue] {
        // Every operation of the endpoint table, at its method and path; the routes serve the same table.
        var paths: [String: JSONValue] = [:]
        for operation in API.all {
            var item = paths[operation.path.text]?.objectValue ?? [:]
            item[operation.method.rawValue.lowercased()] = .object(render(operation))
            paths[operation.path.text] = .object(item)
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "segments-tui serve",
                "version": "1.0.0",
                "description": .string(
                    "A Segments.ai-compatible API over a local workspace, as spoken by the official Python SDK "
                        + "1.33.0. Every path is also answered with its trailing slash added or removed (never by "
                        + "redirect). Request bodies may be gzip-compressed (`Content-Encoding: gzip`). Errors are "
                        + "`{\"detail\": \"…\"}` with the texts the SDK maps to its exceptions, or, for invalid "
                        + "fields, `{\"<field>\": [\"…\"]}`. JSON values (metadata, attributes) nest at most "
                        + "\(JSONBodyCheck.maximumDepth) levels; text fields may not hold NUL characters; one object "
                        + "may not hold the same key in two Unicode forms. Names are compared in Unicode NFC."),
            ],
            "servers": [["url": "/"]],
            "paths": .object(paths),
            "components": [
                "securitySchemes": [
                    "APIKey": [
                        "type": "apiKey", "in": "header", "name": "Authorization",
                        "description": "`Authorization: APIKey <key>`",
                    ]
                ],
                "schemas": .object(OpenAPISchemas.all),
            ],
        ]
    }

    private static func render(_ operation: APIOperation) -> [String: JSONValue] {
        let requiresAPIKey = operation.access == .apiKey
        var result: [String: JSONValue] = [
            "operationId": .string(operation.id),
            "summary": .string(operation.summary),
        ]
        result["security"] = requiresAPIKey ? [["APIKey": []]] : []
        if let permission = operation.permission {
            // Who may call it, in docs/permissions.md's terms (the least role on the dataset).
            result["x-required-role"] = .string(permission.requiredLevel.description)
        }
        var parameters: [JSONValue] = operation.path.parameterNames.map { name in
            ["name": .string(name), "in": "path", "required": true, "schema": ["type": "string"]]
        }
        parameters += operation.query.map { name in
            ["name": .string(name), "in": "query", "required": false, "schema": querySchemas[name] ?? ["type": "string"]]
        }
        if !parameters.isEmpty { result["parameters"] = .array(parameters) }
        if let body = operation.body {
            result["requestBody"] = ["required": true, "content": content(body)]
        }
        var responses: [String: JSONValue] = [:]
        var success: [String: JSONValue] = ["description": "Success"]
        if let response = operation.response { success["content"] = content(response) }
        responses[String(operation.status)] = .object(success)
        func errorResponse(_ text: String, schema: String = "Error") -> JSONValue {
            ["description": .string(text), "content": ["application/json": ["schema": schemaReference(schema)]]]
        }
        if requiresAPIKey {
            responses["401"] = errorResponse("Missing or invalid API key.")
            responses["403"] = errorResponse("Not allowed for this user.")
            responses["429"] = errorResponse("Throttled; see Retry-After.")
        }
        responses["404"] = errorResponse("Not found (or Invalid page.).")
        if operation.body != nil {
            responses["400"] = errorResponse(
                "Invalid fields (`{\"field\": [\"…\"]}`), or `{\"detail\": \"…\"}`: a name that already "
                    + "exists, a body that does not fit the dataset (task type, unknown assignee, duplicate category "
                    + "ids).", schema: "BadRequest")
            responses["413"] = errorResponse("Body too large.")
        } else if !operation.query.isEmpty {
            responses["400"] = errorResponse("An invalid query parameter.", schema: "BadRequest")
        }
        for (status, text) in operation.otherErrors {
            responses[String(status)] = errorResponse(text, schema: status == 400 ? "BadRequest" : "Error")
        }
        result["responses"] = .object(responses)
        return result
    }

    /// A body's media type and schema.
    private static func content(_ payload: APIOperation.Payload) -> JSONValue {
        switch payload {
        case .json(let schema): ["application/json": ["schema": schemaReference(schema)]]
        case .multipart(let schema): ["multipart/form-data": ["schema": schemaReference(schema)]]
        case .binary: ["application/octet-stream": ["schema": schemaReference("Binary")]]
        }
    }

    /// Query parameters whose values the server checks; the others are free text.
    private static let querySchemas: [String: JSONValue] = [
        "label_status": OpenAPISchemas.labelStatusList, "start": OpenAPISchemas.civilDateTime,
        "end": OpenAPISchemas.civilDateTime,
    ]

    private static func schemaReference(_ name: String) -> JSONValue {
        if name.hasSuffix("[]") {
            return ["type": "array", "items": ["$ref": .string("#/components/schemas/\(name.dropLast(2))")]]
        }
        return ["$ref": .string("#/components/schemas/\(name)")]
    }
}

extension Routes {
    static var meta: [Route] {
        [
            Route(API.getOpenAPIDocument, raw: { _ in APIResponse(status: 200, body: OpenAPIDocument.json) })
        ]
    }
}
