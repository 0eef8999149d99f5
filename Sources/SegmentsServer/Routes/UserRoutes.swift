import SegmentsAPI

extension Routes {
    /// Routes 1–3: the constructor's status check and users.
    static var users: [Route] {
        [
            // The SDK's constructor validates the key here; `lib_version` is ignored (no 426 nagging).
            Route(.get, "/api_status/", "apiStatus") { request in
                try await request.service().checkAPIStatus()
                return APIResponse(status: 200, body: JSONCoding.object([:]))
            },
            Route(.get, "/user", "getAuthenticatedUser") { request in
                try .json(await request.service().getUser(nil))
            },
            Route(.get, "/users/{username}", "getUser") { request in
                try .json(await request.service().getUser(request.parameter("username")))
            },
        ]
    }
}

/// Namespace for the route lists, one file per resource.
enum Routes {
    static var all: [Route] {
        users + datasets + collaborators + samples + labels + labelsets + issues + releases + workunits + assets
            + meta
    }
}
