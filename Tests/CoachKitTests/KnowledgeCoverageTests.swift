import CoachKit
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

    @Test(arguments: Fixtures.knowledge.exercises)
    func exerciseIsComplete(_ exercise: Exercise) {
        #expect(exercise.steps.items.count >= 3)
        #expect(exercise.cues.count >= 2)
        #expect(exercise.mistakes.count >= 1)
        #expect(!exercise.primaryMuscles.isEmpty)
        #expect(!exercise.ways.isEmpty && exercise.ways.allSatisfy { !$0.equipment.isEmpty })
        #expect(exercise.dosage.sets > 0 && (exercise.dosage.reps != nil || exercise.dosage.seconds != nil))
        let cited = [exercise.steps.source, exercise.summary.source] + exercise.cues.map(\.source)
        #expect(cited.contains { !$0.isTeam }, "\(exercise.id) cites no article at all")
    }

    @Test func everySourceIdResolves() {
        #expect(knowledge.sources.count == 5)
        for exercise in knowledge.exercises {
            for ref in [exercise.steps.source, exercise.dosage.source] + exercise.cues.map(\.source) where !ref.isTeam {
                #expect(knowledge.source(ref.id) != nil)
            }
        }
    }

    @Test func theSixMinuteRoutineIsAsTheArticleSetsItOut() throws {
        let routine = try #require(knowledge.routines.first { $0.id == "six-minute-upper-back" })
        #expect(
            routine.items.map(\.exercise) == ["band-pull-apart", "single-arm-pulldown", "i-y-t", "band-row-with-pause"])
        #expect(routine.items.map(\.reps) == [20, 10, 15, 8])
        #expect(routine.rounds == 2 && routine.restSeconds == 30 && routine.perWeek == 5)
        #expect(routine.source.id == "strength-coach-home")
    }

    /// Every fact taken from an article names the article's section too; only the team's own
    /// facts go without.
    @Test func everyArticleFactNamesItsSection() {
        var refs: [(String, SourceRef)] = []
        for exercise in knowledge.exercises {
            let id = exercise.id
            refs += [
                (id + " summary", exercise.summary.source), (id + " steps", exercise.steps.source),
                (id + " dosage", exercise.dosage.source),
            ]
            refs += exercise.muscles.map { (id + " muscle " + $0.muscle, $0.source) }
            refs += exercise.ways.map { (id + " way " + $0.id, $0.source) }
            refs += (exercise.cues + exercise.mistakes + exercise.safety).map { (id + ": " + $0.text, $0.source) }
        }
        for muscle in knowledge.muscles {
            refs += [(muscle.id, muscle.location.source), (muscle.id, muscle.function.source)]
        }
        refs.append(("muscle overview", knowledge.muscleOverview.source))
        for item in knowledge.equipment { refs += item.standIns.map { (item.id + " stand-in", $0.source) } }
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
