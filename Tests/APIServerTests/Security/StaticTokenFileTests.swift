import Testing
@testable import APIServer

@Suite struct StaticTokenFileTests {
    @Test func recordsReadAsKubeAPIServerReadsThem() throws {
        let text = """
            abc,alice,1001,"dev,ops"

              def, bob ,1002
            ghi,carol,1003,"",extra
            ,nobody,0
            """
        let file = try StaticTokenFile(parsing: text, path: "tokens.csv")

        #expect(file.entries == [
            .init(token: "abc", user: UserInfo(name: "alice", uid: "1001", groups: ["dev", "ops"])),
            .init(token: "def", user: UserInfo(name: "bob ", uid: "1002")),
            .init(token: "ghi", user: UserInfo(name: "carol", uid: "1003")),
        ])
    }

    @Test func theLaterRecordOfADuplicateTokenWins() throws {
        let file = try StaticTokenFile(parsing: "t,first,1\nt,second,2\n", path: "tokens.csv")

        #expect(file.entries == [.init(token: "t", user: UserInfo(name: "second", uid: "2"))])
    }

    @Test func aRecordWithFewerThanThreeColumnsIsAnErrorAtItsLine() {
        #expect(throws: ClusterCredentialsError.malformedTokenFile(
            path: "tokens.csv", line: 2, reason: "a record needs at least 3 columns (token,user,uid)")) {
            try StaticTokenFile(parsing: "a,b,c\nonly,two\n", path: "tokens.csv")
        }
    }

    @Test func anUnterminatedQuoteIsAnError() {
        #expect(throws: ClusterCredentialsError.self) {
            try StaticTokenFile(parsing: "a,b,c,\"g1,g2\n", path: "tokens.csv")
        }
    }

    @Test func renderedTextReadsBackToTheSameEntries() throws {
        let file = StaticTokenFile(entries: [
            .init(token: "t1", user: UserInfo(name: "capstan-admin", uid: "capstan-admin", groups: ["system:masters"])),
            .init(token: "t2", user: UserInfo(name: "odd, \"name\"", uid: "7", groups: ["a", "b"])),
            .init(token: "t3", user: UserInfo(name: "nogroups", uid: "8")),
        ])
        let text = file.rendered()

        #expect(text.hasPrefix("t1,capstan-admin,capstan-admin,\"system:masters\"\n"))
        #expect(try StaticTokenFile(parsing: text, path: "tokens.csv") == file)
    }
}
