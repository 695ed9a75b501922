import Testing
@testable import APIServer

@Suite struct ServingNamesTests {
    @Test func addressesBecomeIPNamesAndTheRestDNSNames() throws {
        let names = try ServingNames(["127.0.0.1", "[::1]", "fe80::1%eth0", "Capstan.Example.COM.", "*.apps.example.com"])

        #expect(names.ipAddresses == [
            [127, 0, 0, 1],
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
            [0xFE, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
        ])
        #expect(names.dnsNames == ["capstan.example.com", "*.apps.example.com"])
    }

    @Test func namesThatAreNeitherAreRejected() {
        for bad in ["", "under_score", "-leading.example", "a..b", "spa ce", "ünicode.example", "*"] {
            #expect(throws: ClusterCredentialsError.invalidServerName(bad)) { try ServingNames([bad]) }
        }
    }

    @Test func coverageIgnoresOrderAndDuplicates() throws {
        let certificate = try ServingNames(["b.example", "a.example", "10.0.0.1"])

        #expect(certificate.covers(try ServingNames(["10.0.0.1", "a.example", "a.example"])))
        #expect(!certificate.covers(try ServingNames(["c.example"])))
        #expect(!certificate.covers(try ServingNames(["10.0.0.2"])))
    }
}
