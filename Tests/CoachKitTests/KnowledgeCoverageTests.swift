import CoachDialogue
import CoachEvaluation
import CoachLoading
import CoachModel
import CoachRecommending
import CoachRendering
import CoachSnapshot
import CoachStorage
import CoachUnderstanding
import Foundation
import Testing

/// The knowledge base covers the whole catalog, and every exercise is complete.
struct KnowledgeCoverageTests {
    let knowledge = Fixtures.knowledge

    @Test func everyCatalogIdIsPresent() {
        #expect(knowledge.catalog.ids["exercises"]?.count == 30)
        #expect(
            KnowledgeStats(knowledge: knowledge).missing.isEmpty,
            "missing: \(KnowledgeStats(knowledge: knowledge).missing)")
    }

    /// What loading does not enforce (it checks counts of steps, cues, mistakes, muscles and
    /// ways, and that every source id resolves): every exercise is grounded in an article, and
    /// every article is used.
    @Test func everyExerciseCitesAnArticle() {
        let uncited = knowledge.exercises.filter { exercise in
            let cited = [exercise.steps.source, exercise.summary.source] + exercise.cues.map(\.source)
            return cited.allSatisfy(\.isTeam)
        }
        #expect(uncited.isEmpty, "cite no article: \(uncited.map(\.id))")
        #expect(knowledge.sources.count == 5)
    }

    /// Every fact taken from an article names the article's section too; only the team's own
    /// facts go without.
    @Test func everyArticleFactNamesItsSection() {
        var refs: [(String, SourceRef)] = []
        for exercise in knowledge.exercises {
            let id = exercise.id.rawValue
            refs += [
                (id + " summary", exercise.summary.source), (id + " steps", exercise.steps.source),
                (id + " dosage", exercise.dosage.source),
            ]
            refs += exercise.muscles.map { (id + " muscle " + $0.muscle.rawValue, $0.source) }
            refs += exercise.ways.map { (id + " way " + $0.id, $0.source) }
            refs += (exercise.cues + exercise.mistakes + exercise.safety).map { (id + ": " + $0.text, $0.source) }
        }
        for muscle in knowledge.muscles {
            refs += [(muscle.id.rawValue, muscle.location.source), (muscle.id.rawValue, muscle.function.source)]
        }
        refs.append(("muscle overview", knowledge.muscleOverview.source))
        for item in knowledge.equipment { refs += item.standIns.map { (item.id.rawValue + " stand-in", $0.source) } }
        let safety = knowledge.safety
        refs += (safety.precautions + safety.avoid + safety.painAreas.flatMap(\.causes)).map {
            ("safety: " + $0.text, $0.source)
        }
        refs += [("red flag advice", safety.redFlagAdvice.source), ("soreness", safety.soreness.source)]
        for topic in knowledge.topics { refs += topic.answer.map { (topic.id + ": " + $0.text, $0.source) } }
        for routine in knowledge.routines {
            refs += [(routine.id, routine.source), (routine.id + " how", routine.how.source)]
        }
        let missing = refs.filter { !$0.1.isTeam && ($0.1.section ?? "").isEmpty }.map(\.0)
        #expect(refs.count > 500)
        #expect(missing.isEmpty, "\(missing.count) facts name no section, e.g. \(missing.prefix(5))")
    }
}
