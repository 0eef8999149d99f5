import Foundation
import SegmentsAPI

/// Renders the OpenAPI 3.1 document served at `/openapi.json`.
enum OpenAPIDocument {
    static let json: Data = JSONCoding.object(document)

    static var document: [String: JSONValue] {
        // The routes say which operations exist, at which method and path, and who may call them;
        // OpenAPIOperations adds what they take and answer. A route without that is left out,
        // which OpenAPITests refuses.
        var paths: [String: JSONValue] = [:]
        for route in Routes.all {
            guard let operation = OpenAPIOperations.byID[route.operationID] else { continue }
            var item = paths[route.pattern.text]?.objectValue ?? [:]
            item[route.method.rawValue.lowercased()] = .object(render(operation, route: route))
            paths[route.pattern.text] = .object(item)
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

    private static func render(_ operation: DocumentedOperation, route: Route) -> [String: JSONValue] {
        let requiresAPIKey = route.access == .apiKey
        var result: [String: JSONValue] = [
            "operationId": .string(operation.operationID),
            "summary": .string(operation.summary),
        ]
        result["security"] = requiresAPIKey ? [["APIKey": []]] : []
        var parameters: [JSONValue] = route.pattern.parameterNames.map { name in
            ["name": .string(name), "in": "path", "required": true, "schema": ["type": "string"]]
        }
        parameters += operation.query.map { name in
            ["name": .string(name), "in": "query", "required": false, "schema": querySchemas[name] ?? ["type": "string"]]
        }
        if !parameters.isEmpty { result["parameters"] = .array(parameters) }
        if let body = operation.requestBody {
            result["requestBody"] = [
                "required": true,
                "content": .object([operation.contentType: ["schema": schemaReference(body)]]),
            ]
        }
        var responses: [String: JSONValue] = [:]
        var success: [String: JSONValue] = ["description": "Success"]
        if let response = operation.response {
            let mediaType = response == "Binary" ? "application/octet-stream" : "application/json"
            success["content"] = .object([mediaType: ["schema": schemaReference(response)]])
        }
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
        if operation.requestBody != nil {
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
            Route(.get, "/openapi.json", "getOpenAPIDocument", access: .open) { _ in
                APIResponse(status: 200, body: OpenAPIDocument.json)
            }
        ]
    }
}
