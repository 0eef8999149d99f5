import SegmentsAPI

extension Routes {
    /// Routes 1–3: the constructor's status check and users.
    static var users: [Route] {
        [
            // The SDK's constructor validates the key here; `lib_version` is ignored (no 426 nagging).
            Route(API.apiStatus) { request in
                try await request.service().checkAPIStatus()
                return EmptyObject()
            },
            Route(API.getAuthenticatedUser) { request in try await request.service().getUser(nil) },
            Route(API.getUser) { request in try await request.service().getUser(request.parameter("username")) },
        ]
    }
}

/// The handlers of every `API` endpoint, one file per resource.
enum Routes {
    static var all: [Route] {
        users + datasets + collaborators + samples + labels + labelsets + issues + releases + workunits + assets
            + meta
    }
}
