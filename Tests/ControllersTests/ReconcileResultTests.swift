import Controllers
import Testing

@Suite struct ReconcileResultTests {
    @Test func requeueAfterCarriesItsDelay() {
        #expect(ReconcileResult.requeueAfter(.seconds(5)) != .requeueAfter(.seconds(6)))
        #expect(ReconcileResult.done != .requeue)
    }
}
