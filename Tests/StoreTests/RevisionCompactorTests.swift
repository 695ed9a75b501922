import Testing
@testable import Store

@Suite struct RevisionCompactorTests {
    @Test func compactsToTheRevisionThatWasCurrentOneWindowAgo() {
        var c = RevisionCompactor(window: .seconds(300))
        #expect(c.observe(now: .seconds(0), revision: 10) == nil)
        #expect(c.observe(now: .seconds(100), revision: 50) == nil)
        #expect(c.observe(now: .seconds(299), revision: 80) == nil)
        #expect(c.observe(now: .seconds(300), revision: 90) == 10)
        #expect(c.observe(now: .seconds(350), revision: 95) == nil)
        #expect(c.observe(now: .seconds(400), revision: 99) == 50)
    }

    @Test func neverCompactsTheSameRevisionTwice() {
        var c = RevisionCompactor(window: .seconds(10))
        _ = c.observe(now: .zero, revision: 5)
        #expect(c.observe(now: .seconds(10), revision: 5) == 5)
        #expect(c.observe(now: .seconds(20), revision: 5) == nil)
    }
}
