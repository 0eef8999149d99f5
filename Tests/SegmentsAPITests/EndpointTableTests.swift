import SegmentsAPI
import Testing

@Suite("Endpoint table")
struct EndpointTableTests {
    @Test("operation ids and method+path pairs are unique; every listed endpoint is in `all` once")
    func unique() {
        #expect(Set(API.all.map(\.id)).count == API.all.count)
        #expect(Set(API.all.map { "\($0.method.rawValue) \($0.path.text)" }).count == API.all.count)
        #expect(API.all.filter { $0.access == .apiKey }.count == 41, "the SDK's 40 and addIssueComment")
        #expect(API.all.allSatisfy { ($0.status == 204) == ($0.response == nil) })
    }

    @Test("paths are built from the templates as the SDK sends them, each value one escaped segment")
    func paths() {
        #expect(API.getDataset.path(dataset: "jane/ds") == "/datasets/jane/ds/")
        #expect(API.getDataset.path(dataset: "abcde") == "/datasets/abcde/")
        #expect(API.getDataset.path(dataset: "jane/my set?x/y#z") == "/datasets/jane/my%20set%3Fx%2Fy%23z/")
        #expect(API.getDatasetCollaborator.path(dataset: "jane/ds", ["bob"]) == "/datasets/jane/ds/collaborators/bob")
        #expect(API.getLabel.path(["u", "ground truth"]) == "/labels/u/ground%20truth/")
        #expect(API.getUser.path(["a/b"]) == "/users/a%2Fb")
        #expect(API.getAuthenticatedUser.path() == "/user")
    }

    @Test("query values keep what the SDK leaves raw and escape what would end them")
    func queries() {
        #expect(PathEncoding.query([("filters", "city:London,w:sunny day"), ("name__contains", "a&b+c")])
            == "filters=city:London,w:sunny%20day&name__contains=a%26b%2Bc")
        #expect(PathEncoding.decode("caf%C3%A9+x") == "café+x")
        #expect(PathEncoding.decode("%zz") == nil)
    }
}
