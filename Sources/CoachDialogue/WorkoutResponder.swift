import CoachModel
import CoachRecommending
import CoachUnderstanding
import Foundation

/// Quick workouts: the named routine when asked for, else one built to fit.
struct WorkoutResponder: Responder {
    /// A gentler session's share of the minutes of the one it replaces ("make it easier" of a
    /// beginner session: less work, not the same work spread out).
    static let gentlerShare = 0.75

    let context: ResponderContext

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        draft.ask = .workout
        let understanding = turn.understanding
        if state.redFlagReported {
            // Never push a workout onto a reported red flag.
            draft.add(.alert(say(.workoutAfterRedFlag)))
            draft.safety = Reply.SafetyNote(
                redFlag: true, advice: RedFlagResponder.advice(for: state.painReported, in: knowledge.safety).text)
            draft.reasons.append(.redFlagEarlier)
            return
        }
        // Pain reported earlier: the plan leaves out every move that loads that area, and says so.
        // (And a mild pain said with the request, where the workout can leave it out: "my wrist
        // hurts a bit, 15 minutes with dumbbells".)
        let now = Set(turn.workAround).subtracting(state.painReported)
        // (Worn out, not hurt: left out of this workout only, and said so.)
        let tired = Set(turn.tiredAreas).subtracting(state.painReported).subtracting(now)
        let spare = Set(state.painReported).union(now).union(tired)
        if declines(sparing: spare, into: &draft) { return }
        if !now.isEmpty {
            draft.add(.note(say(sparedNowKey(turn), ["area": areaNames(now)])))
            spareTips(now, into: &draft)
            draft.reasons.append(.worksAroundPain(now.sorted()))
        }
        if !tired.isEmpty { draft.add(.note(say(.sparedAreasTired, ["area": areaNames(tired)]))) }
        noteSpared(Set(state.painReported), &draft)
        noteCannotLie(state.cannotLie, &draft)
        // (Aches a setting explains, said with the request: what the setting does, first.)
        if turn.reasons.contains(.settingExplainsAches),
            let condition = SafetyResponder.achingCondition(understanding, in: knowledge)
        {
            draft.say(condition.advice)
        }
        if let id = understanding.routine, let routine = knowledge.routines.first(where: { $0.id == id }),
            spares(routine, spare), fits(routine, cannotLie: state.cannotLie)
        {
            state.lastPlan = namedRoutine(&draft, routine)
            if state.canGuide { draft.add(.note(say(.workoutStartHint))) }  // in the chat, "start" guides
            return
        }
        // ("I train back twice a week, should both days be the same?": the rest of the week.)
        if let days = turn.weekOfLast.map({ $0 > Self.mostDays ? Self.usualSessions : $0 }),
            let first = state.lastPlan, let request = state.lastWorkout
        {
            let others = say(days == 2 ? .workoutOtherDay : .workoutOtherDays)
            draft.add(.paragraph(say(.workoutWeekOfLast, ["days": "\(days)", "others": others])))
            presentWeek(after: first, request, days: days, into: &draft)
            draft.routine = first
            state.lastWeekDays = days
            return
        }
        let previous = state.lastWorkout
        // "make it 20 minutes", "harder" or "another one" changes the last workout; a line that
        // asks for a workout afresh ("a workout for posture", "10 minutes with a band") starts
        // from the defaults, and a level said for one plan is not carried into a new request.
        let names = knowledge.language.words
        // (Minutes with the same kit as the last workout change it: "actually can you make it 15
        // min, gym is closing soon" keeps the level and the rest.)
        // (Not the plan named as the one given: "add face pulls to the workout you just gave me".)
        let freshRequest =
            turn.mentions(names(.workout)) && !turn.says(.namesLastPlan, knowledge.language)
            || (understanding.minutes != nil && !turn.have.isEmpty && Set(turn.have) != previous?.availability.have)
        let isFollowUp = (state.lastIntent == .workout || turn.backToPlan) && previous != nil && !freshRequest
        var changes: [String] = []
        var assumed: [String] = []
        var have: Set<EquipmentID>? = turn.have.isEmpty ? nil : Set(turn.have)
        var keptForKit = false
        /// Asked for what the articles leave out (a move never in the plan, a muscle they do not
        /// train): said so, and the plan stays as it was rather than reshuffled.
        var keptAsItWas = false
        let bodyweightOnly: Set<EquipmentID> = [knowledge.bodyweightID]
        if isFollowUp, let said = have, let before = previous?.availability.have,
            !turn.saysOnlyKit(knowledge.language), before != bodyweightOnly, said != bodyweightOnly
        {
            // "I have a pull-up bar too": added to what the last workout used, unless it says only.
            have = before.union(said)
            let named = listed(said.sorted().map(knowledge.equipmentName))
            if !said.isSubset(of: before) {
                changes.append(say(.workoutChangedKit, ["equipment": named]))
            } else if turn.mentions(knowledge.language.understanding.haveWords), turn.everydayKit == nil {
                // ("Got a second kettlebell, can we use it?": the kit is already in use, so nothing
                // changes but which weight goes where, said as such, not claimed as a change. Only
                // kit said as had or to use: "the bands are light" is no news of kit. An everyday
                // thing standing in for it has its own note.)
                assumed.append(say(.workoutKitAlready, ["equipment": named]))
                // (Only when more of it is said: "i have dumbbells and a bench" is no second bench.)
                if said.contains(where: { knowledge.equipment($0).map { $0.progressive && !$0.gymOnly } == true }),
                    turn.mentions(knowledge.language.understanding.moreOfWords)
                {
                    assumed.append(say(.workoutKitAnotherWeight, ["equipment": named]))
                }
            }
        } else if isFollowUp, let said = have, let before = previous?.availability.have, said == before,
            turn.saysOnlyKit(knowledge.language), turn.everydayKit == nil,
            !said.contains(where: { knowledge.equipment($0)?.usedInPairs == true })
        {
            // ("I only have ONE band not three lol, rework it": the kit it already uses, one piece
            // of it being all any move needs, as no move uses two at once; said so, the same plan
            // kept, and how that kit is made harder where it has its own way.)
            keptForKit = true
            assumed.append(
                say(.workoutKitOneIsEnough, ["equipment": listed(said.sorted().map(knowledge.equipmentName))]))
            assumed += said.sorted().compactMap { knowledge.equipment($0)?.harder }.map { $0 + say(.teamMark) }
        } else if isFollowUp, let said = have, let before = previous?.availability.have, said != before {
            // "Only dumbbells now", "same thing with no equipment?": that kit instead.
            changes.append(
                said == bodyweightOnly
                    ? say(.workoutChangedNoKit)
                    : say(
                        .workoutChangedKitOnly,
                        ["equipment": listed(said.sorted().map(knowledge.equipmentName))]))
        }
        if have == nil { have = isFollowUp ? previous?.availability.have : nil }
        var householdAssumed: String?
        if have == nil, !isFollowUp, let (kit, note) = kitAwayFromHome(turn) { (have, householdAssumed) = (kit, note) }
        // A fresh request's exercises asked for and left out, read once.
        let fresh = isFollowUp ? nil : askedAndLeftOut(turn, kit: have ?? state.equipment)
        // ("A band pull-apart routine for posture": the band its name says is had, with whatever
        // else the person has said they have.)
        let namedKit: Set<EquipmentID> =
            turn.have.isEmpty
            ? Set((fresh?.asked ?? []).compactMap(knowledge.exercise).flatMap { knowledge.kitInName(of: $0) }) : []
        if have == nil, !namedKit.isEmpty { have = (state.equipment ?? [knowledge.bodyweightID]).union(namedKit) }
        if have == nil { have = state.equipment }
        // (A gym day named with the moves for it, "write me a back day w/ barbell rows, pullups,
        // face pulls", is at a gym, not at home with the kit of those moves' usual ways.)
        let gymDaySaid = turn.says(.gymDay, knowledge.language)
        if have == nil, !gymDaySaid, let (kit, note) = kitOfMovesAsked(fresh?.asked ?? []) {
            have = kit
            assumed.append(note)
        }
        // A level said for this workout, else the last one's when this changes it, else the
        // person's own (saved when they said "I'm advanced"), else beginner.
        var level = understanding.level ?? (isFollowUp ? previous?.level : nil) ?? state.profileLevel ?? .beginner
        // With no kit said anywhere: body weight for a beginner; someone who says they are past
        // that ("intermediate lifter", "pretty advanced") most likely trains in a gym, and a
        // body-weight session would waste their level (said in a note, so they can correct it).
        // (So does a gym day named, "can you write me a pull day?", "back and bi's day".)
        let kitAssumed = have == nil
        let gymAssumed = kitAssumed && (level > .beginner || gymDaySaid)
        if gymAssumed {
            have = Set(knowledge.equipment.map(\.id))
            assumed.append(
                level > .beginner
                    ? say(.workoutAssumedGymForLevel, ["level": level.rawValue]) : say(.workoutAssumedGymForDay))
        } else if kitAssumed {
            have = [knowledge.bodyweightID]
            assumed.append(say(.workoutAssumedEquipment))
        }
        // ("I can do about 5 strict pull-ups, give me a 30 min session": someone past the first reps
        // of a move above the beginner level is no beginner.)
        // (And the move itself is done at its own level: the pull-up, not its assisted way.)
        // ("20 min, I can do like 8 pull-ups", after a workout: the same, and the pull-up is not
        // being taken out.)
        var includeLevel: Level?
        let saysReps = understanding.repsAlready != nil && !namedExercises(turn).isEmpty
        if understanding.level == nil, level == .beginner,
            (understanding.repsAlready ?? 0) >= FormResponder.repsPastTheFirst,
            let hardest = namedExercises(turn).map(\.level).max(), hardest > .beginner
        {
            level = .intermediate
            includeLevel = hardest
        }
        // Minutes said, else the last workout's when this changes it, else the level's usual length
        // (said in a note, so the person knows how to ask for another).
        // ("Make it shorter, I only have 10 today": a number said with shorter or longer is the
        // minutes, unit or not.)
        // ("Way too long": shorter, in two words.)
        // ("Less reps more sets": the sets reshaped, not a shorter session.)
        let repStyleSaid: RepStyle? =
            turn.says(.fewerReps, knowledge.language)
            ? .fewer : turn.says(.moreReps, knowledge.language) ? .more : nil
        let saysShorter =
            repStyleSaid == nil && (turn.mentions(names(.shorter)) || turn.says(.shorter, knowledge.language))
        let saysLonger = repStyleSaid == nil && turn.mentions(names(.longer))
        // ("I only have 25 now": the same; "I only have 10 kg dumbbells" says kit, not minutes.)
        // ("Im 60 and my recovery is slow, trim it": the one number an age, not minutes.)
        // ("Make it 30" right after a workout: three words, one number, a length.)
        let bareMinutes =
            isFollowUp
                && (saysShorter || saysLonger || turn.says(.timeLeft, knowledge.language)
                    || understanding.wordCount <= Self.fewestWordsOfALength)
                && understanding.have.isEmpty && understanding.missing.isEmpty && !understanding.notCoveredByAge
            ? onlyNumber(in: understanding).flatMap { WorkoutBuilder.minutesRange.contains($0) ? $0 : nil } : nil
        let previousSaid = isFollowUp && previous?.minutesAssumed == false ? previous?.minutes : nil
        let minutesSaid = understanding.minutes ?? bareMinutes ?? previousSaid
        var minutes = minutesSaid ?? knowledge.timeModel.defaultMinutes(for: level)
        var minutesAssumed = minutesSaid == nil
        if minutesSaid == nil, !isFollowUp {
            // (With body weight assumed too, one note says both; kit assumed from the moves asked
            // for keeps its own note.)
            let note: ReplyKey =
                gymAssumed ? .workoutAssumedBothGym : kitAssumed ? .workoutAssumedBoth : .workoutAssumedMinutes
            assumed = [say(note, ["minutes": "\(minutes)", "level": level.rawValue])] + (kitAssumed ? [] : assumed)
        }
        var exclude: Set<ExerciseID> = isFollowUp ? previous?.exclude ?? [] : []
        var include: [ExerciseID] = isFollowUp ? previous?.include ?? [] : []
        // The exercises the line names, in order; whether it asks to add them ("add face pulls",
        // "put pull-ups in it") rather than leave them out.
        let named = namedExercises(turn).map(\.id)
        let addsIn = turn.mentions(names(.addIn)) && !turn.mentions(names(.leaveOut))
        if let (asked, leftOut, family) = fresh {
            // A fresh request: "a 20 minute workout with face pulls" has them; "a 20 minute
            // workout, no pull-ups" or "I hate rows, give me a workout" leaves them out.
            include = asked
            exclude.formUnion(leftOut)
            if let family { exclude.formUnion(family.members) }
            let said = leftOut.compactMap { knowledge.exercise($0)?.name } + (family.map { [$0.name] } ?? [])
            if !said.isEmpty { assumed.append(say(.workoutLeftOut, ["names": listed(said)])) }
        }
        // Harder asked at the top level: another mix at that level. Easier asked at the lowest:
        // a gentler session, shorter, with at most two sets of a move.
        var anotherMixAtLevel = false
        var gentler = false
        // ("Front of my shoulder is kinda sore from bench yesterday, can you change it": ordinary
        // soreness said with a change asks for an easier session, as "make it easier" does.)
        // (Soreness given as the reason to swap or drop a named move, "swap out the pull ups, my grip
        // is toast today", changes that move, not the whole session.)
        let changesANamedMove =
            (turn.mentions(names(.swap)) || turn.mentions(names(.leaveOut))) && !namedExercises(turn).isEmpty
        var saysEasier =
            turn.says(.easier, knowledge.language)
            || understanding.ordinarySoreness && turn.workAround.isEmpty && !turn.says(.harder, knowledge.language)
                && !changesANamedMove
        // ("Thats too many sets for me... trim it", of a session already as short as they come:
        // less of it, fewer sets, rather than the same length again.)
        if isFollowUp, let previous, saysShorter, understanding.minutes == nil, bareMinutes == nil,
            previous.minutes <= WorkoutBuilder.minutesRange.lowerBound
        {
            saysEasier = true
        }
        if isFollowUp, let previous {
            // ("Too easy" says harder, though "easy" is a word of easier: harder is heard first.)
            if understanding.level == nil, turn.says(.harder, knowledge.language) {
                level = Level.allCases.first { $0 > previous.level } ?? previous.level
            } else if understanding.level == nil, saysEasier {
                level = Level.allCases.last { $0 < previous.level } ?? previous.level
            }
            // "more rear delts" asks for more of a muscle, not more minutes.
            let namesFocus = understanding.muscle != nil || understanding.goal != nil
            if understanding.minutes == nil, bareMinutes == nil, !namesFocus, saysShorter {
                minutes = max(WorkoutBuilder.minutesRange.lowerBound, previous.minutes - 5)
                minutesAssumed = false
            } else if understanding.minutes == nil, bareMinutes == nil, !namesFocus, saysLonger {
                minutes = min(WorkoutBuilder.minutesRange.upperBound, previous.minutes + 5)
                minutesAssumed = false
            } else if minutesAssumed {
                minutes = knowledge.timeModel.defaultMinutes(for: level)
            }
            // "add face pulls", "put pull-ups in it": in from now on. "Swap the cobra for face
            // pulls": the one in the plan out, the other in.
            // "without the superman", "swap the cobra", "swap the second one": leave it out from now on.
            // "No rows please": every member of the family that moves like its usual one.
            let planned = Set(state.lastPlan?.items.map(\.exercise) ?? [])
            let inPlan = { (id: ExerciseID) in planned.contains(id) }
            let swapsIn =
                turn.mentions(names(.swap)) && named.contains(where: inPlan) ? named.filter { !inPlan($0) } : []
            // ("Add face pulls and take out the front raises": each named as its own words say.)
            let split =
                turn.mentions(names(.addIn)) && turn.mentions(names(.leaveOut)) ? askedAndLeftOut(turn, kit: have) : nil
            let addsAndDrops = split.map { !$0.asked.isEmpty && !$0.leftOut.isEmpty } == true
            if !named.isEmpty, addsIn || !swapsIn.isEmpty || addsAndDrops {
                let added = addsAndDrops ? split?.asked ?? [] : addsIn ? named : swapsIn
                let out = addsAndDrops ? split?.leftOut ?? [] : addsIn ? [] : named.filter(inPlan)
                include = include.filter { !out.contains($0) } + added.filter { !include.contains($0) }
                exclude.subtract(added)
                exclude.formUnion(out)
                for id in out {
                    changes.append(
                        say(
                            inPlan(id) ? .workoutChangedWithout : .workoutChangedNotIn,
                            ["name": knowledge.exercise(id)?.name ?? ""]))
                }
                changes.append(
                    say(.workoutChangedWith, ["names": listed(added.compactMap { knowledge.exercise($0)?.name })]))
            } else if !now.isEmpty {
                // ("Swap the rows out, my lower back is cranky": the pain is why, so the moves
                // that load it go, and the rows that spare it stay.)
            } else if understanding.exercise == nil, let family = familyLeftOut(turn) {
                exclude.formUnion(family.members)
                changes.append(say(.workoutChangedWithoutFamily, ["family": family.name]))
            } else if saysReps {
                // What someone can already do is no request to leave it out: it stays in.
                let able = named.filter { !include.contains($0) }
                include += able
                exclude.subtract(able)
            } else if understanding.namesNoExercise,
                let uncovered = understanding.notCovered.flatMap(knowledge.language.uncovered),
                uncovered.nearestMuscle != nil,
                turn.mentions(names(.swap)) || turn.mentions(names(.leaveOut))
            {
                // ("Swap the dumbbell shrugs for something": a move the articles leave out was never
                // in it; said so, and the workout kept as it was rather than shuffled.)
                assumed.append(say(.workoutUncoveredNotIn, ["what": uncovered.what]))
                keptAsItWas = true
            } else if let dropped = understanding.exercise ?? positional(turn, in: state.lastPlan) {
                exclude.insert(dropped)
                include.removeAll { $0 == dropped }
                let wasIn = state.lastPlan?.items.contains { $0.exercise == dropped } == true
                changes.append(
                    say(
                        wasIn ? .workoutChangedWithout : .workoutChangedNotIn,
                        ["name": knowledge.exercise(dropped)?.name ?? ""]))
                // ("Swap out the pull ups, my grip is toast": a swap puts the nearest move the kit
                // allows in its place, one not in the plan already; "without the pull-ups" only
                // leaves it out.)
                if wasIn, turn.mentions(names(.swap)) || understanding.substituteReason == .disliked,
                    let replacement = replacement(
                        for: dropped, have: have, spare: spare, state: state, turn: turn,
                        notAgain: planned.union(exclude).union(include))
                {
                    // (The rest of the plan stays as it was, the new move where the old one stood:
                    // a swap changes one move, not the mix.)
                    let kept = (state.lastPlan?.items ?? []).filter { !$0.isWarmUp }.map {
                        $0.exercise == dropped ? replacement.id : $0.exercise
                    }
                    include = kept + include.filter { !kept.contains($0) }
                    changes.append(say(.workoutChangedInItsPlace, ["name": replacement.name]))
                }
            }
            // ("My elbow is achy, swap out anything that'll bug it": what came out, and why.)
            // (One with a way that leaves the area out is done that way instead: the row chest down on
            // a bench for a lower back.)
            let loadsNow = (state.lastPlan?.items ?? []).filter { item in
                !item.isWarmUp && !item.loads.isDisjoint(with: now)
            }
            // (As the plan will be built: the same kit, and no way of lying ruled out.)
            let sparing = Availability(
                have: have, missing: state.missing(for: turn), cannotLie: state.cannotLie, spare: now)
            let otherWay = { (item: WorkoutPlan.Item) -> (exercise: Exercise, way: ExerciseWay)? in
                guard let exercise = knowledge.exercise(item.exercise), let way = sparing.firstWay(of: exercise) else {
                    return nil
                }
                return (exercise, way)
            }
            let dropped = loadsNow.filter { otherWay($0) == nil }
            if !now.isEmpty, !dropped.isEmpty {
                changes.append(
                    say(.workoutChangedWithoutLoads, ["names": listed(dropped.map(\.name)), "area": areaNames(now)]))
            }
            for (exercise, way) in loadsNow.compactMap(otherWay) where !now.isEmpty {
                changes.append(
                    say(
                        .workoutChangedWaySpares,
                        ["name": WorkoutBuilder.named(exercise, way), "area": areaNames(now)]))
            }
            if let style = repStyleSaid, style != previous.repStyle {
                changes.append(say(style == .fewer ? .workoutChangedFewerReps : .workoutChangedMoreReps))
            }
            if level != previous.level {
                changes.append(say(.workoutChangedLevel, ["level": level.rawValue, "was": previous.level.rawValue]))
            } else if saysEasier, !turn.says(.harder, knowledge.language), understanding.minutes == nil,
                level == Level.allCases.first
            {
                gentler = true
                // (Rounded to five minutes only when long: a 10-minute session's three quarters
                // rounded to five is 10 again, the same session called easier.)
                let scaled = Double(previous.minutes) * Self.gentlerShare
                minutes = max(
                    WorkoutBuilder.minutesRange.lowerBound,
                    scaled >= 20 ? Int((scaled / 5).rounded()) * 5 : Int(scaled.rounded(.down)))
                changes.append(say(.workoutChangedGentler))
            } else if turn.says(.harder, knowledge.language) || turn.says(.easier, knowledge.language) {
                changes.append(say(.workoutChangedLevelSame, ["level": level.rawValue]))
                anotherMixAtLevel = true
            }
            // ("Way too long, I have 15 minutes max" of a 10-minute one: a cap it already fits.)
            if saysShorter, minutes > previous.minutes { minutes = previous.minutes }
            if minutes != previous.minutes {
                changes.append(say(.workoutChangedMinutes, ["minutes": "\(minutes)", "was": "\(previous.minutes)"]))
            } else if understanding.minutes != nil, saysShorter || saysLonger {
                // ("Make it shorter, like 10 mins tops" of a 10-minute one: it already is.)
                draft.add(.note(say(.workoutAlreadyMinutes, ["minutes": "\(minutes)"])))
            }
        }
        // ("Back n biceps day": a muscle outside the upper back and shoulders is no lean of an upper
        // back workout, which works it only as a helper; said so, and the rest of the day is theirs.)
        let outside = understanding.muscle.flatMap(knowledge.muscle).flatMap { muscle in
            knowledge.language.understanding.scopeRegions.contains(muscle.region) ? nil : muscle
        }
        // ("Can we add something for the lower back too": a move of the articles that mainly works
        // that muscle, when the kit allows one and it spares what hurts, is added; else said to be
        // theirs to add.)
        if let outside {
            let kit = Availability(
                have: have, missing: state.missing(for: turn), cannotLie: state.cannotLie)
            // (One at the level, the muscle its first main one, before the rest: the superman for
            // the lower back of a beginner, not the deadlift.)
            let added = knowledge.exercises.filter { exercise in
                exercise.primaryMuscles.contains(outside.id) && kit.firstWay(of: exercise) != nil
                    && !exclude.contains(exercise.id) && exercise.sparesSomeWay(spare)
            }.min { first, second in
                let rank = { (exercise: Exercise) in
                    (exercise.level > level ? 2 : 0) + (exercise.primaryMuscles.first == outside.id ? 0 : 1)
                }
                return rank(first) < rank(second)
            }
            if let added {
                if !include.contains(added.id) { include.append(added.id) }
                let note = say(.workoutFocusOutsideAdded, ["muscle": outside.name, "name": added.name])
                if isFollowUp { changes.append(note) } else { assumed.append(note) }
            } else {
                assumed.append(say(.workoutFocusOutside, ["muscle": outside.name]))
                // (Nothing of theirs to add for it: the workout stays as it was, not reshuffled.)
                keptAsItWas = true
            }
        }
        let focus =
            (outside == nil ? understanding.muscle?.rawValue : nil) ?? understanding.goal
            ?? (isFollowUp ? previous?.focus : nil)
        let focusChanged = isFollowUp && focus != nil && focus != previous?.focus
        if focusChanged, let focus {
            changes.append(say(.workoutChangedFocus, ["focus": focusName(focus)]))
        }
        // "Swap out anything with a barbell": the kit said missing is left out from now on.
        // ("No door anchor tho" of a band workout that never used one: said so, and kept as it was.)
        let kitUnused =
            isFollowUp && !turn.missing.isEmpty
            && !(state.lastPlan?.items ?? []).contains { item in item.equipment.contains(where: turn.missing.contains) }
        if kitUnused {
            assumed.append(
                say(.workoutKitNotUsed, ["equipment": listed(turn.missing.sorted().map(knowledge.equipmentName))]))
            keptAsItWas = true
        } else if isFollowUp, !turn.missing.isEmpty {
            changes.append(
                say(
                    .workoutChangedWithoutKit, ["equipment": listed(turn.missing.sorted().map(knowledge.equipmentName))]
                ))
        }
        // ("Too many exercises, like 3 max": that many from now on; a follow-up keeps it.)
        let countSaid = turn.exerciseCountSaid(knowledge.language)
        if isFollowUp, let countSaid, countSaid != previous?.exerciseCount {
            changes.append(say(.workoutChangedCount, ["count": "\(countSaid)"]))
        }
        // ("Nothing standing bent over": the positions newly ruled out.)
        // (A floor ruled out for good, "nothing where I lie on the floor", rules out every way on
        // it; a place without one, "at the office", has its own note.)
        let saidOut =
            understanding.floorlessLasting
            ? Set(understanding.cannotLie).union(Lying.onTheFloor) : Set(understanding.cannotLie)
        let newlyOut = Lying.allCases.filter {
            saidOut.contains($0) && previous?.availability.cannotLie.contains($0) != true
        }
        if isFollowUp, !newlyOut.isEmpty {
            changes.append(
                say(
                    .workoutChangedPositions, ["ways": newlyOut.map { say(.lying($0)) }.joined(separator: say(.joinOr))]
                ))
        }
        // ("Can u make a 3 day split with a back focus": a different session for each day; "make it
        // 2 days" right after changes how many.)
        let asked = daysAsked(turn, state, changesLast: isFollowUp)
        let days = asked.map { $0 > Self.mostDays ? Self.usualSessions : $0 }
        if isFollowUp, let days, let was = state.lastWeekDays, days != was {
            changes.append(say(.workoutChangedDays, ["days": "\(days)", "was": "\(was)"]))
        }
        // ("Add a stretch at the end", "skip the warm up", "3 sets each": kept through later changes.)
        let shape = self.shape(turn, after: isFollowUp ? previous : nil, saysRepStyle: repStyleSaid != nil)
        changes += shape.changes
        if !isFollowUp, !shape.warmUp { assumed.append(say(.workoutNoWarmUp)) }
        // ("Do it without rests": the shortest rests of the level, said as the change it is.)
        if isFollowUp, let previous, !previous.denser, !previous.gentler, saysDenser(turn) {
            changes.append(say(.workoutChangedDenser))
        }
        // ("No stretching at the end" of a plan without one: kept as it was, not reshuffled.)
        let shapeAsItWas = isFollowUp && shape.said && shape.changes.isEmpty
        if shapeAsItWas, changes.isEmpty { assumed.append(say(.workoutShapeAlready)) }
        let again =
            isFollowUp && !keptForKit && !keptAsItWas && !shapeAsItWas
            && (turn.mentions(names(.another)) || (changes.isEmpty && understanding.minutes == nil))
        let seed =
            again || anotherMixAtLevel ? (previous?.seed ?? 0) &+ 1 : (isFollowUp ? previous?.seed ?? 0 : 0)
        if again { changes.append(say(.workoutChangedAnother)) }
        // (A change of kit to the last workout keeps where it is done: "no door anchor actually" of
        // a session at work keeps it off the floor. A new length or level is a session of its own:
        // "45 min hypertrophy back day" after a desk break.)
        let sameSession = isFollowUp && understanding.minutes == nil && understanding.level == nil
        let cannotLie =
            sameSession ? state.cannotLie.union(previous?.availability.cannotLie ?? []) : state.cannotLie
        var request = WorkoutRequest(
            minutes: minutes,
            availability: Availability(
                have: have, missing: state.missing(for: turn), cannotLie: cannotLie),
            level: level,
            focus: focus, seed: seed)
        request.exerciseCount = countSaid ?? (isFollowUp ? previous?.exerciseCount : nil)
        request.exclude = exclude
        request.include = include
        request.includeLevel = includeLevel ?? (isFollowUp ? previous?.includeLevel : nil)
        request.bestReps = saysReps ? understanding.repsAlready : (isFollowUp ? previous?.bestReps : nil)
        request.minutesAssumed = minutesAssumed
        request.repStyle = repStyleSaid ?? (isFollowUp ? previous?.repStyle ?? .usual : .usual)
        (request.coolDown, request.warmUp, request.setsEach) = (shape.coolDown, shape.warmUp, shape.setsEach)
        // (Asked for in the request itself, "a 20 minute dumbbell workout, low reps": said once.)
        if !isFollowUp, let style = repStyleSaid, style != .usual {
            assumed.append(say(style == .fewer ? .workoutFewerReps : .workoutMoreReps))
        }
        // (A gentler session stays gentler through later changes, until harder or a level is asked.)
        request.gentler =
            gentler
            || (isFollowUp && previous?.gentler == true && level == previous?.level
                && !turn.says(.harder, knowledge.language))
        // ("Want my back to actually burn": the shortest rests, more work. It holds through later
        // changes until an easier session is asked for.)
        request.denser =
            !request.gentler
            && (saysDenser(turn) || isFollowUp && previous?.denser == true && !turn.says(.easier, knowledge.language))
        // (A whole gym named is everything at hand, not kit to use first. A change that names no
        // kit keeps the kit the last workout was asked to use: "way too long" keeps the bench.)
        request.preferred =
            isFollowUp && turn.have.isEmpty
            ? previous?.preferred ?? []
            : turn.understanding.wholeGym ? [] : Set(turn.have).subtracting([knowledge.bodyweightID])
        // (Only a new focus can come out the same and say nothing true: leaving out what was not
        // there, or kit it did not use, is said as it is.)
        let changedNote = focusChanged && changes.count == 1 ? draft.blocks.count : nil
        if !changes.isEmpty {
            draft.add(.note(say(.workoutChanged, ["changes": changes.joined(separator: say(.joinAlso))])))
        }
        request.availability.spare = spare
        state.lastWorkout = request
        turn.entities.minutes = minutes
        turn.entities.level = level
        turn.entities.equipmentHave = Array(have ?? []).sorted()
        if isFollowUp {
            draft.reasons.append(.buildsOnWorkout)
            draft.ask = .workoutChange
        }
        // An exercise asked for that the kit or a pain rules out: said before the plan.
        var unplaced: [Exercise] = []
        for id in request.include {
            guard let exercise = knowledge.exercise(id) else { continue }
            if !exercise.sparesSomeWay(spare) {
                assumed.append(
                    say(
                        .workoutAskedLoadsPain,
                        ["name": exercise.name, "area": areaNames(exercise.loads.intersection(spare))]))
            } else if request.availability.firstWay(of: exercise) == nil {
                // Each way's kit, the usual way first, leaving out a way that needs more than
                // another one listed ("a band or a cable machine", not also "a band and an anchor").
                let kits = exercise.ways.filter { !$0.isDrill }.map {
                    Set($0.equipment).subtracting([knowledge.bodyweightID])
                }
                var needed: [Set<EquipmentID>] = []
                for kit in kits
                where !kit.isEmpty && !needed.contains(kit)
                    && !kits.contains(where: { !$0.isEmpty && $0 != kit && $0.isSubset(of: kit) })
                {
                    needed.append(kit)
                }
                let names = needed.map { listed($0.sorted().map(knowledge.equipmentName)) }
                assumed.append(
                    say(
                        .workoutAskedNeedsKit,
                        ["name": exercise.name, "equipment": names.joined(separator: say(.joinOr))]))
            } else {
                unplaced.append(exercise)
            }
        }
        let planBefore = state.lastPlan
        if let householdAssumed { assumed.append(householdAssumed) }
        if let days {
            draft.add(.note(say(.workoutWeekIntro, ["days": "\(days)"])))
            if let asked, asked > days {
                draft.add(.note(say(.workoutWeekCapped, ["asked": "\(asked)", "days": "\(days)"])))
            }
        }
        if let plan = present(request, assumed: assumed, day: days == nil ? nil : 1, into: &draft) {
            // ("Also add something for rear delts" when the plan already has the only rear-delt move
            // the kit allows: said so, not "changed" over the same plan.)
            if let changedNote, changedNote < draft.blocks.count, let planBefore, planBefore.items == plan.items {
                draft.blocks[changedNote] = .note(say(.workoutChangedNothing))
            }
            // (A move of the last plan kept by a swap that a shorter session leaves out was asked
            // for by no one: "make it 10" after "swap the face pull" drops the last moves, no note.)
            let shortened = planBefore.map { plan.minutes < $0.minutes } ?? false
            let keptBefore = Set(planBefore?.items.map(\.exercise) ?? [])
            for exercise in unplaced where !plan.items.contains(where: { $0.exercise == exercise.id }) {
                if shortened, keptBefore.contains(exercise.id) { continue }
                draft.add(.note(say(.workoutAskedNotFitting, ["name": exercise.name])))
            }
            // ("Want a wider back, plan pls": a plan for the weeks; with no count said, the usual.)
            let asksProgram = turn.mentions(names(.asksProgram)) || turn.says(.asksProgram, knowledge.language)
            if let days {
                presentWeek(after: plan, request, days: days, into: &draft)
                // (The rest days between, said in the week's opening, are the articles' advice on
                // how often: cited as the single session's note is.)
                if let advice = weeklyAdvice(days, for: plan) { draft.cite(advice.source) }
            } else if let count = understanding.sessionsAWeek ?? (asksProgram ? Self.usualSessions : nil),
                let advice = weeklyAdvice(count, for: plan)
            {
                draft.say(advice)
                // ("What should my first few weeks look like?": how to build on it, week by week.)
                if !isFollowUp, turn.says(.weeksAhead, knowledge.language) {
                    draft.add(.paragraph(say(.workoutNextWeek)))
                }
            }
            // ("4 week plan for upper back, trying to fix rounded shoulders": the session carried
            // over the weeks asked.)
            if let weeks = weeksAsked(turn) { programBlock(plan, weeks: weeks, into: &draft) }
            state.lastPlan = plan
            state.lastWeekDays = days
            if state.canGuide { draft.add(.note(say(.workoutStartHint))) }  // in the chat, "start" guides
        }
    }

    /// Away from home with no kit said ("a back workout for a 10 day trip"): what every room has,
    /// a towel, as well as body weight, with the note that says so; nil when not away.
    /// (A small gym named, "20 min at the hotel gym": the kit such a gym has, said so.)
    private func kitAwayFromHome(_ turn: Turn) -> (Set<EquipmentID>, String)? {
        let smallGym = turn.understanding.smallGymKit
        if !smallGym.isEmpty {
            return (
                Set(smallGym).union(knowledge.householdKit).union([knowledge.bodyweightID]),
                say(.workoutAssumedSmallGym, ["kit": knowledge.language.understanding.smallGymKitSaid])
            )
        }
        guard turn.understanding.substituteReason == .travelling else { return nil }
        let household = knowledge.householdKit
        return (
            household.union([knowledge.bodyweightID]),
            say(.workoutAssumedHousehold, ["kit": listed(household.sorted().map(knowledge.equipmentName))])
        )
    }

    /// A workout asked for by its moves with no kit said ("a rows + face pulls + pulldowns
    /// workout"): the kit of their usual ways, a whole gym when a gym machine is among it, with
    /// the note that says so (a plan without the moves asked for is not what was asked); nil when
    /// none is needed.
    private func kitOfMovesAsked(_ asked: [ExerciseID]) -> (Set<EquipmentID>, String)? {
        let kit = Set(asked.compactMap(knowledge.exercise).flatMap { $0.ways.first?.equipment ?? [] })
            .subtracting([knowledge.bodyweightID])
        guard !kit.isEmpty else { return nil }
        if kit.contains(where: { knowledge.equipment($0)?.gymOnly == true }) {
            return (Set(knowledge.equipment.map(\.id)), say(.workoutAssumedGym))
        }
        return (
            kit.union([knowledge.bodyweightID]),
            say(.workoutAssumedAskedKit, ["equipment": listed(kit.sorted().map(knowledge.equipmentName))])
        )
    }

    /// What to say of doing `plan` `count` times a week: the first `weekly` advice that covers
    /// the count, the light ones only for a short session without kit whose load keeps going up.
    func weeklyAdvice(_ count: Int, for plan: WorkoutPlan) -> SourcedText? {
        let light =
            plan.minutes <= WorkoutResponder.lightMinutes
            && plan.equipment.allSatisfy { knowledge.equipment($0)?.progressive != true }
        return knowledge.weeklyAdvice.first { count <= $0.most && (!$0.light || light) }?.advice
    }

    /// Sessions a week assumed for a plan asked for with no count said: the middle of the two to
    /// four the articles suggest.
    static let usualSessions = 3

    /// The longest session that counts as light work that may be done most days (the articles'
    /// daily band routine takes 6 minutes).
    static let lightMinutes = 10

    /// The most words of a line, right after a workout, whose one number is its new length in
    /// minutes with no word of time ("make it 30").
    static let fewestWordsOfALength = 3

    /// What a fresh request asks to have and to leave out: each exercise it names is left out
    /// when a word of leaving out or swapping comes just before it ("no pull-ups", "without the
    /// superman", "instead of rows"), or when it is the one thing named and disliked ("I hate
    /// rows"); else it is asked for ("with face pulls"). A family left out is every member that
    /// moves like its usual one. A family asked for ("a workout with pull-ups and rows") asks for
    /// its first member that the kit known (`kit`) allows, or with no kit known its usual one,
    /// whose kit is then assumed.
    private func askedAndLeftOut(_ turn: Turn, kit: Set<EquipmentID>?) -> (
        asked: [ExerciseID], leftOut: [ExerciseID], family: (name: String, members: [ExerciseID])?
    ) {
        let understanding = turn.understanding
        let words = knowledge.language.words
        let denials = Set((words(.refuses) + words(.leaveOut) + words(.swap)).map(TextNormalizer.stem))
        let tokens = understanding.words
        // ("Not just pull-ups": where a phrase of more than ends, the name after it is not refused.)
        let notOnlyEnds = Set(
            Interpreter.phraseEnds(knowledge.language.understanding.wordsAsRead(.notOnly), in: tokens))
        // (Where a denial of more than one word ends: "take out the front raises".)
        let denialEnds = Set(
            Interpreter.phraseEnds(
                Interpreter.phrasesAsRead((words(.leaveOut) + words(.swap)).filter { $0.contains(" ") }), in: tokens))
        let names = understanding.matches.filter { $0.entity.isExercise || $0.entity.isFamily }
        let disliked = understanding.substituteReason == .disliked && names.count == 1
        var asked: [ExerciseID] = []
        var leftOut: [ExerciseID] = []
        var family: (name: String, members: [ExerciseID])?
        var previousEnd = 0
        for match in names {
            let start = min(match.range.lowerBound, tokens.count)
            let from = max(previousEnd, start - 3, 0)
            let before = tokens[from..<start]
            previousEnd = match.range.upperBound
            let out =
                !notOnlyEnds.contains(start)
                && (disliked || before.contains(where: denials.contains)
                    || denialEnds.contains { $0 > from && $0 <= start })
            switch match.entity {
            case let .exercise(id) where out: if !leftOut.contains(id) { leftOut.append(id) }
            case let .exercise(id): if !asked.contains(id) { asked.append(id) }
            case .family where out: family = familyLeftOut(turn)
            case let .family(members):
                if let pick = familyMemberFor(members, kit: kit), !asked.contains(pick) { asked.append(pick) }
            default: break
            }
        }
        return (asked.filter { !leftOut.contains($0) }, leftOut, family)
    }

    /// The nearest move to `dropped` that the kit (`have`) allows, sparing what hurts (`spare`), and none of
    /// `notAgain` (the plan's moves and those left out).
    private func replacement(
        for dropped: ExerciseID, have: Set<EquipmentID>?, spare: Set<String>, state: ConversationState, turn: Turn,
        notAgain: Set<ExerciseID>
    ) -> Exercise? {
        guard let exercise = knowledge.exercise(dropped) else { return nil }
        let availability = Availability(
            have: have, missing: state.missing(for: turn), cannotLie: state.cannotLie, spare: spare)
        return context.substitutions.alternatives(
            to: exercise, with: availability, limit: Self.replacementCandidates, sameExercise: false
        )
        .first { !notAgain.contains($0.exercise.id) }?.exercise
    }

    /// How many of the nearest moves are looked through for one in place of a move swapped out:
    /// the nearest are often in the plan already.
    static let replacementCandidates = 8

    /// The member of a family asked for that the kit allows (the first in the family's order, the
    /// usual one first), or with no kit known the usual one.
    private func familyMemberFor(_ members: [ExerciseID], kit: Set<EquipmentID>?) -> ExerciseID? {
        guard let kit else { return members.first }
        let availability = Availability(have: kit)
        return members.first { id in knowledge.exercise(id).flatMap(availability.firstWay) != nil }
    }

    /// The one number a line says in digits ("i only have 10 today"), if it says exactly one and
    /// it counts no days or weeks.
    private func onlyNumber(in understanding: Understanding) -> Int? {
        let words = understanding.words
        let numbered = words.indices.filter { Int(words[$0]) != nil }
        guard numbered.count == 1, let at = numbered.first, let number = Int(words[at]) else { return nil }
        // ("Could we drop to 3 days?": a count of days or weeks, not minutes.)
        let sessions = knowledge.language.understanding.sessionsAWeek
        // ("Make it 12 reps": a count of something else.)
        if at + 1 < words.count,
            sessions.days.contains(String(words[at + 1])) || sessions.week.contains(String(words[at + 1]))
                || knowledge.language.understanding.wordsAsRead(.countUnits).contains(String(words[at + 1]))
        {
            return nil
        }
        return number
    }

    /// A family a change leaves out ("no rows please", "skip the pulldowns"): its name and the
    /// members that move like its usual one (rows leave the upright row, a shoulder raise, in).
    private func familyLeftOut(_ turn: Turn) -> (name: String, members: [ExerciseID])? {
        // (The family as named, not the candidates the kit said narrowed it to: "I hate rows,
        // 15 minutes with a band" leaves out every row, not only the band ones.)
        let named = turn.understanding.matches.lazy.compactMap { match -> [ExerciseID]? in
            if case let .family(ids) = match.entity { ids } else { nil }
        }.first
        let candidates = named ?? turn.understanding.exerciseCandidates
        guard candidates.count >= 2, let name = familyName(of: candidates),
            let pattern = knowledge.exercise(candidates[0])?.pattern
        else { return nil }
        return (name, candidates.filter { knowledge.exercise($0)?.pattern == pattern })
    }

    /// The exercise a change points at by its place in the workout's table ("swap the second one",
    /// "drop the last exercise"), counting the warm-ups as they are listed; nil when the line
    /// neither asks to swap or leave something out nor says a place the table has.
    private func positional(_ turn: Turn, in plan: WorkoutPlan?) -> ExerciseID? {
        let words = knowledge.language.words
        guard let plan, turn.mentions(words(.swap)) || turn.mentions(words(.leaveOut)) else { return nil }
        guard let place = turn.placeSaid(knowledge.language.ordinals),
            let index = Turn.index(of: place, in: plan.items.count)
        else { return nil }
        return plan.items[index].exercise
    }

    /// Whether every exercise of a named routine can be done its routine way without lying down
    /// a way the person cannot (the band routine's I-Y-T is done face down on the floor).
    private func fits(_ routine: Routine, cannotLie: Set<Lying>) -> Bool {
        let kit = Availability(have: Set(routine.equipment).union([knowledge.bodyweightID]))
        let lying = Availability(have: nil, cannotLie: cannotLie)
        return routine.items.allSatisfy { item in
            guard let exercise = knowledge.exercise(item.exercise) else { return true }
            return kit.firstWay(of: exercise).map(lying.allowsLying) ?? true
        }
    }

    /// Whether no exercise of a named routine loads one of `spare`.
    private func spares(_ routine: Routine, _ spare: Set<String>) -> Bool {
        routine.items.allSatisfy { knowledge.exercise($0.exercise)?.spares(spare) ?? true }
    }

    /// When nearly every upper back move loads a reported pain area, a workout of what is left
    /// would not be one: says so and returns true; else writes nothing and returns false.
    private func declines(sparing spare: Set<String>, into draft: inout ReplyDraft) -> Bool {
        guard !spare.isEmpty, !enoughUpperBackWork(sparing: spare) else { return false }
        draft.add(.paragraph(say(.workoutSparedNone, ["area": areaNames(spare)])))
        draft.reasons.append(.sparesPain(spare.sorted()))
        return true
    }

    /// Whether, leaving out the moves that load `spare`, at least three exercises that work a main
    /// upper back muscle remain.
    private func enoughUpperBackWork(sparing spare: Set<String>) -> Bool {
        knowledge.exercises.filter { exercise in
            exercise.sparesSomeWay(spare) && exercise.pattern != .mobility
                && knowledge.worksUpperBack(exercise)
        }.count >= 3
    }

    /// A workout for a request made outside the chat (`coach workout`), as a reply.
    func workout(for request: WorkoutRequest, assumedEquipment: Bool = false) -> Reply {
        var draft = ReplyDraft(teamMark: say(.teamMark))
        // A request that is a named routine (6 minutes with a band) gets it as the article sets it out.
        let named = knowledge.routines.first { routine in
            routine.minutes == request.minutes && request.focus == nil && request.exerciseCount == nil
                && routine.equipment.allSatisfy { request.availability.have?.contains($0) == true }
                && spares(routine, request.availability.spare)
        }
        if !declines(sparing: request.availability.spare, into: &draft) {
            if let named {
                _ = namedRoutine(&draft, named)
            } else {
                noteSpared(request.availability.spare, &draft)
                _ = present(request, assumed: assumedEquipment ? [say(.workoutAssumedEquipment)] : [], into: &draft)
            }
        }
        let cited = context.addSources(to: &draft)
        let entities = Reply.Entities(
            equipmentHave: Array(request.availability.have ?? []).sorted(),
            equipmentMissing: request.availability.missing.sorted(),
            minutes: request.minutes, level: request.level)
        return Reply(
            input: "", intent: .workout, confidence: 1, entities: entities, blocks: draft.blocks,
            exercises: draft.exercises,
            routine: draft.routine, sources: cited)
    }

    /// Seconds a drill takes in a break where you are, with the moment to move on to the next.
    static let drillSeconds = 60

    /// With no floor and too little kit for a workout ("5 minutes at my desk, no equipment"): the
    /// upper back moves that still fit, standing and with nothing, as a short break (mostly
    /// learning drills, which are never a workout's main work, so said as such), the minutes
    /// asked filled by going round them.
    private func breakWhereYouAre(_ availability: Availability, minutes: Int, into draft: inout ReplyDraft) {
        // (Nothing at hand: no kit, and no way of lying or kneeling ruled out.)
        let nothing = Availability(have: [], cannotLie: availability.cannotLie)
        let moves = knowledge.exercises.compactMap { exercise -> (Exercise, ExerciseWay)? in
            guard exercise.pattern != .mobility, knowledge.worksUpperBack(exercise),
                let way = exercise.ways.first(where: nothing.allows)
            else { return nil }
            return (exercise, way)
        }
        guard !moves.isEmpty else { return }
        draft.add(.paragraph(say(.workoutDeskBreak) + draft.teamMark))
        draft.add(.bullets(moves.map { exercise, way in WorkoutBuilder.named(exercise, way) }))
        for (_, way) in moves { draft.cite(way.source) }
        // ("Need a 10 min upper back thing i can do in the office, in work clothes": the minutes
        // asked, filled by going round them.)
        let rounds = minutes * 60 / (moves.count * Self.drillSeconds)
        if rounds >= 2 {
            draft.add(.paragraph(say(.workoutDeskBreakRounds, ["minutes": "\(minutes)", "rounds": "\(rounds)"])))
        }
    }

    /// Builds the workout and writes it as a table with its total, equipment and why.
    private func present(
        _ request: WorkoutRequest, assumed: [String], day: Int? = nil, into draft: inout ReplyDraft
    ) -> WorkoutPlan? {
        let minutes = request.minutes
        let level = request.level
        let focus = request.focus
        guard var plan = context.workouts.build(request) else {
            // (With ways of lying ruled out, that is why: too few moves are left, not the kit alone.)
            // (Pain spared is why, when it is: not the kit alone.)
            let key: ReplyKey =
                !request.availability.spare.isEmpty
                ? .workoutNoneSpared
                : request.availability.cannotLie.isEmpty ? .workoutNone : .workoutNoneLying
            draft.add(.paragraph(say(key, ["area": areaNames(request.availability.spare)])))
            if !request.availability.cannotLie.isEmpty {
                breakWhereYouAre(request.availability, minutes: minutes, into: &draft)
            }
            return nil
        }
        // (A gentler session with few moves to choose from, a pain spared, may come in well under
        // its minutes at two sets a move: it is as long as it is, and says so.)
        let estimatedMinutes = max(1, Int((Double(plan.estimatedSeconds) / 60).rounded()))
        let window = WorkoutBuilder.window(forSeconds: Double(minutes * 60))
        let estimated = Double(plan.estimatedSeconds)
        let gentlerShort = request.gentler && estimated < window.lowerBound
        // (So may a number of sets asked for: whole moves at that many sets, few for the kit or one
        // too long for a short session, take as long as they take.)
        let setsMiss = request.setsEach != nil && !window.contains(estimated)
        if gentlerShort || setsMiss { plan.minutes = estimatedMinutes }
        plan.title = title(minutes: plan.minutes, level: level, day: day)
        draft.add(.heading(plan.title))
        if gentlerShort {
            draft.add(.note(say(.workoutGentlerShort, ["asked": "\(minutes)", "minutes": "\(plan.minutes)"])))
        } else if setsMiss, let sets = request.setsEach {
            draft.add(
                .note(
                    say(
                        .workoutSetsEachLength,
                        ["asked": "\(minutes)", "minutes": "\(plan.minutes)", "sets": "\(sets)"])))
        } else if plan.minutes != minutes {
            draft.add(.note(say(.workoutRange, ["asked": "\(minutes)", "minutes": "\(plan.minutes)"])))
        }
        for note in assumed { draft.add(.note(note)) }
        if request.denser { draft.add(.note(say(.workoutDenser))) }
        if request.coolDown, plan.coolDown.isEmpty { draft.add(.note(say(.workoutNoCoolDownMove))) }
        // (Sets from a best said: why they are that many, when the move made it into the plan.)
        if let best = request.bestReps,
            let item = plan.items.first(where: { !$0.isWarmUp && request.include.contains($0.exercise) }),
            let reps = item.reps
        {
            draft.add(
                .note(
                    say(
                        reps == 1 ? .workoutBestRepsOne : .workoutBestReps,
                        ["best": "\(best)", "name": item.name, "reps": "\(reps)"])))
        }
        describe(plan, focus: focus, into: &draft)
        if let focus { noteFocusUnreached(focus, by: plan, request.availability, level: level, into: &draft) }
        notePullMissing(plan, request.availability, into: &draft)
        if level > .beginner {
            // (Drop sets need a weight to drop: with body weight or a band only, what makes the same
            // moves harder.)
            let progressive = knowledge.progressiveKit
            // (Kit with its own way to be made harder, a band's, says that way.)
            let ownWays = plan.equipment.compactMap { knowledge.equipment($0)?.harder }
            if progressive.isDisjoint(with: plan.equipment), !ownWays.isEmpty {
                ownWays.forEach { draft.add(.paragraph($0 + say(.teamMark))) }
            } else if progressive.isDisjoint(with: plan.equipment) {
                draft.add(.paragraph(say(.workoutHarderWithoutWeights)))
            } else {
                draft.say(knowledge.harderAdvice)
            }
        }
        offer(plan, into: &draft)
        return plan
    }

    /// The shape of the session (a stretch to end it, the warm-up, sets of each move): as the line
    /// changes it, else as the last workout had it; with a note of each change.
    private func shape(_ turn: Turn, after previous: WorkoutRequest?, saysRepStyle: Bool) -> (
        coolDown: Bool, warmUp: Bool, setsEach: Int?, said: Bool, changes: [String]
    ) {
        let said = WorkoutShapeChange(turn, language: knowledge.language, withinRequest: true)
        // (Asked with a fresh request, "15 minutes with a band, no warm up": as said.)
        guard let previous else {
            return (said.coolDown ?? false, said.warmUp ?? true, said.setsEach, !said.isEmpty, [])
        }
        let coolDown = said.coolDown ?? previous.coolDown
        let warmUp = said.warmUp ?? previous.warmUp
        // (A new shape of reps, "less reps more sets", reshapes the sets as well.)
        let setsEach = said.setsEach ?? (saysRepStyle ? nil : previous.setsEach)
        var changes: [String] = []
        if coolDown != previous.coolDown {
            changes.append(say(coolDown ? .workoutChangedCoolDown : .workoutChangedNoCoolDown))
        }
        if warmUp != previous.warmUp { changes.append(say(warmUp ? .workoutChangedWarmUp : .workoutChangedNoWarmUp)) }
        if let setsEach, setsEach != previous.setsEach {
            changes.append(say(.workoutChangedSetsEach, ["sets": "\(setsEach)"]))
        }
        return (coolDown, warmUp, setsEach, !said.isEmpty, changes)
    }

    /// A plan's title ("Your 20-minute upper back workout (intermediate)"), with its day in a week.
    private func title(minutes: Int, level: Level, day: Int?) -> String {
        let title = say(.workoutTitle, ["minutes": "\(minutes)", "level": level.rawValue])
        return day.map { say(.workoutDayTitle, ["day": "\($0)", "title": title]) } ?? title
    }

    /// A plan's table, how long it takes, its kit and why it holds what it holds.
    private func describe(_ plan: WorkoutPlan, focus: String?, into draft: inout ReplyDraft) {
        var rows = [say(.workoutTableHeader).components(separatedBy: "|")]
        for (item, isCoolDown) in plan.items.map({ ($0, false) }) + plan.coolDown.map({ ($0, true) }) {
            let amount =
                item.reps.map { say(.workoutAmountReps, ["sets": "\(item.sets)", "reps": "\($0)"]) }
                ?? say(
                    .workoutAmountSeconds,
                    ["sets": "\(item.sets)", "seconds": "\(item.seconds ?? knowledge.timeModel.defaultHoldSeconds)"])
            let side = item.perSide ? say(.workoutSide, ["amount": amount, "side": say(.workoutPerSide)]) : amount
            let name =
                item.isWarmUp
                ? say(.workoutWarmUp, ["name": item.name])
                : isCoolDown ? say(.workoutCoolDown, ["name": item.name]) : item.name
            let with = item.equipment.filter { $0 != knowledge.bodyweightID }.map(knowledge.equipmentName).joined(
                separator: say(.joinList))
            rows.append([
                name, side,
                item.restSeconds > 0 && item.sets > 1
                    ? say(.workoutRestSeconds, ["seconds": "\(item.restSeconds)"]) : say(.workoutEmptyCell),
                with.isEmpty ? say(.workoutEmptyCell) : with,
            ])
        }
        draft.add(.table(rows))
        if plan.rounds > 1 { draft.add(.paragraph(say(.workoutCircuit, ["rounds": "\(plan.rounds)"]))) }
        let total = plan.estimatedSeconds
        draft.add(
            .paragraph(
                say(.workoutTotal, ["minutes": "\(total / 60)", "seconds": String(format: "%02d", total % 60)])))
        let equipment =
            plan.equipment.isEmpty
            ? say(.workoutBodyweight) : plan.equipment.map(knowledge.equipmentName).joined(separator: say(.joinList))
        draft.add(.paragraph(say(.workoutEquipment, ["equipment": equipment])))
        let patterns = Set(plan.items.filter { !$0.isWarmUp }.compactMap { knowledge.exercise($0.exercise)?.pattern })
        let names = WorkoutBuilder.patternOrder.filter(patterns.contains).map { say(.pattern($0)) }
        draft.add(
            .paragraph(
                say(
                    .workoutWhy,
                    [
                        "patterns": names.joined(separator: say(.joinList)),
                        "focus": focus.map(focusName) ?? say(.workoutNoFocus),
                    ])))
    }

    /// The most upper back sessions a week a week of sessions holds: the articles' two to four.
    static let mostDays = 4

    /// How many days a line asks a week of different sessions for: a count of days said with a
    /// plan of days ("a 3 day split with a back focus", "4-day program"), or, in a change of a
    /// week just given (`changesLast`), a count of days alone ("make it 2 days, i cant fit 3") or
    /// none (the same days again); nil for one session, even one to repeat ("15 minutes I can do
    /// 3x a week"), and for a fresh request after a week ("give me a 10 minute band workout").
    private func daysAsked(_ turn: Turn, _ state: ConversationState, changesLast: Bool) -> Int? {
        let words = knowledge.language.understanding.sessionsAWeek
        let said = turn.understanding.words
        // ("Back on mon, wed and fri": the days named are the week.)
        let daysNamed = Set(said.map(TextNormalizer.stem).compactMap { words.weekdays[$0] }).count
        if let count = turn.understanding.sessionsAWeek, count >= 2, turn.says(words.split) || daysNamed >= 2 {
            // ("A 3 day split where back gets hit twice": the back's days, a count of times said
            // on its own, are the sessions; "hit once" is one session, no week.)
            guard let times = said.lazy.compactMap({ words.counts[$0] }).first else { return count }
            return times >= 2 ? min(times, count) : nil
        }
        guard changesLast, let last = state.lastWeekDays, state.lastPlan != nil else { return nil }
        let counts = zip(said, said.dropFirst()).compactMap { count, day in
            words.days.contains(day) ? Int(count) ?? knowledge.language.numbers[count] : nil
        }
        // (One day is one session: the week is no more.)
        guard let count = counts.first ?? (daysNamed >= 2 ? daysNamed : nil) else { return last }
        return count >= 2 ? count : nil
    }

    /// The days after the first of a week asked for, each a session built like the first with the
    /// main moves of the days before left out where the kit leaves others (then only the day
    /// before's, then none), so each day trains the upper back another way; all the days are the
    /// reply's `week`.
    private func presentWeek(
        after first: WorkoutPlan, _ request: WorkoutRequest, days: Int, into draft: inout ReplyDraft
    ) {
        var week = [first]
        var repeats = false
        func mains(_ plan: WorkoutPlan) -> Set<ExerciseID> { Set(plan.items.filter { !$0.isWarmUp }.map(\.exercise)) }
        // At a gym, a day with moves that take more load only half as often as the first day's is
        // a step down, not variety (a gym week running into band moves by day 3): the next try
        // repeats some moves instead. (At home, body-weight moves on another day are the variety.)
        let atGym = request.availability.have.map { !$0.isDisjoint(with: knowledge.gymOnlyKit) } == true
        let progressiveKit = knowledge.progressiveKit
        func loadedShare(_ plan: WorkoutPlan) -> Double {
            let items = plan.items.filter { !$0.isWarmUp }
            guard !items.isEmpty else { return 0 }
            return Double(items.filter { !progressiveKit.isDisjoint(with: $0.equipment) }.count) / Double(items.count)
        }
        let firstShare = loadedShare(first)
        for day in 2...max(2, days) {
            let before = week.map(mains)
            let tries = [before.reduce(into: Set<ExerciseID>()) { $0.formUnion($1) }, before.last ?? [], []]
            var built: WorkoutPlan?
            for leftOut in tries {
                var next = request
                next.seed = request.seed &+ UInt64(day)
                next.exclude.formUnion(leftOut.subtracting(request.include))
                if let plan = context.workouts.build(next), mains(plan).count >= Self.fewestMainsADay,
                    leftOut.isEmpty || !atGym || loadedShare(plan) >= firstShare / 2
                {
                    built = plan
                    break
                }
            }
            guard var plan = built else { break }
            if before.contains(where: { !$0.isDisjoint(with: mains(plan)) }) { repeats = true }
            plan.title = title(minutes: plan.minutes, level: request.level, day: day)
            draft.add(.heading(plan.title))
            describe(plan, focus: request.focus, into: &draft)
            week.append(plan)
        }
        if repeats { draft.add(.note(say(.workoutWeekRepeats))) }
        draft.week = week
    }

    /// Whether the line asks for a denser session (`denser`), a word of it not denied just before
    /// ("strength focus, not pump stuff" asks for none).
    private func saysDenser(_ turn: Turn) -> Bool {
        let words = knowledge.language.understanding
        let tokens = turn.understanding.words
        let denials = words.wordsAsRead(.refuses)
        // (A denial counts only before the phrase: "no breaks" and "without rests" are phrases of
        // it that start with one.)
        return Interpreter.phraseRanges(words.wordsAsRead(.denser), in: tokens).contains { phrase in
            !tokens[max(0, phrase.lowerBound - Self.denialReach)..<phrase.lowerBound].contains(where: denials.contains)
        }
    }

    /// How many words before a word of a denser session a denial takes it back ("not too intense").
    static let denialReach = 3

    /// A day of a week holds at least this many main moves, or the next try leaves out fewer.
    static let fewestMainsADay = 2

    /// A focus no main move of the plan mainly works ("bigger lats" with body weight only: no
    /// pulldown or pull-up without kit): said plainly, with the kit that would reach it; or, when
    /// the kit is had and the moves are above the level ("rotator cuff, bands and a TRX": the TRX
    /// external rotation is intermediate), with the level that would.
    private func noteFocusUnreached(
        _ focus: String, by plan: WorkoutPlan, _ availability: Availability, level: Level,
        into draft: inout ReplyDraft
    ) {
        let muscles = Set(knowledge.focusMuscles(focus))
        let mains = plan.items.filter { !$0.isWarmUp }.compactMap { knowledge.exercise($0.exercise) }
        guard !muscles.isEmpty, !mains.contains(where: { !muscles.isDisjoint(with: $0.primaryMuscles) }) else {
            return
        }
        let reaching = Set(muscles.flatMap { knowledge.exercises(training: $0).map(\.id) })
            .compactMap(knowledge.exercise).filter { !muscles.isDisjoint(with: $0.primaryMuscles) }
            .sorted { $0.name < $1.name }
        let aboveLevel = reaching.filter { $0.level > level && availability.firstWay(of: $0) != nil }
        if let next = aboveLevel.map(\.level).min() {
            draft.add(
                .note(
                    say(
                        .workoutFocusAboveLevel,
                        [
                            "focus": focusName(focus),
                            "names": aboveLevel.filter { $0.level == next }.map(\.name).joined(
                                separator: say(.joinAnd)),
                            "level": next.rawValue,
                        ])))
            return
        }
        let kit = homeKit(for: reaching)
        if !kit.isEmpty {
            draft.add(
                .note(
                    say(
                        .workoutFocusUnreached,
                        ["focus": focusName(focus), "equipment": listed(kit, last: .joinOr)])))
        }
    }

    /// A plan with no row and no pull-down because the kit has nothing to pull against (body
    /// weight only, "at the park, no equipment"): it says which kit would add one. (Not when the
    /// kit allows one and something else left them out: a pain spared, no lying down.)
    private func notePullMissing(_ plan: WorkoutPlan, _ availability: Availability, into draft: inout ReplyDraft) {
        let pulls: Set<MovementPattern> = [.horizontalPull, .verticalPull]
        let mains = plan.items.filter { !$0.isWarmUp }.compactMap { knowledge.exercise($0.exercise) }
        guard !mains.isEmpty, !mains.contains(where: { pulls.contains($0.pattern) }) else { return }
        let pullExercises = knowledge.exercises.filter { pulls.contains($0.pattern) }
        let kitOnly = Availability(have: availability.have, missing: availability.missing)
        guard !pullExercises.contains(where: { kitOnly.firstWay(of: $0) != nil }) else { return }
        let kit = homeKit(for: pullExercises, leaving: availability.missing)
        if !kit.isEmpty {
            draft.add(.note(say(.workoutNoPull, ["equipment": listed(kit, last: .joinOr)])))
        }
    }

    /// The kit most of these exercises' ways use that a home can have (no gym machine), most used
    /// first: a band before a bar. (Kit a way needs alone: a door anchor is no use without a band.)
    /// (`leaving`: kit said missing, never suggested: "I don't have bands any more".)
    private func homeKit(for exercises: [Exercise], most: Int = 3, leaving missing: Set<EquipmentID> = []) -> [String] {
        var uses: [EquipmentID: Int] = [:]
        for exercise in exercises {
            for kit in Set(exercise.ways.filter { $0.needs.count == 1 }.flatMap(\.needs))
            where knowledge.equipment(kit)?.gymOnly != true && kit != knowledge.bodyweightID && !missing.contains(kit) {
                uses[kit, default: 0] += 1
            }
        }
        // (Kit any home has, a towel, first: "no equipment" seldom means no towel.)
        let household = knowledge.householdKit
        return uses.sorted { first, second in
            let (firstHome, secondHome) = (household.contains(first.key), household.contains(second.key))
            if firstHome != secondHome { return firstHome }
            return (first.value, second.key) > (second.value, first.key)
        }.prefix(most).map { knowledge.equipmentName($0.key) }
    }

    /// A routine from an article, exactly as it is set out there.
    private func namedRoutine(_ draft: inout ReplyDraft, _ routine: Routine) -> WorkoutPlan {
        draft.add(.heading(routine.title))
        var rows = [say(.workoutTableHeader).components(separatedBy: "|")]
        var items: [WorkoutPlan.Item] = []
        for entry in routine.items {
            guard let exercise = knowledge.exercise(entry.exercise) else { continue }
            let amount =
                entry.reps.map { say(.routineAmountReps, ["reps": "\($0)"]) }
                ?? say(.routineAmountSeconds, ["seconds": "\(entry.seconds ?? knowledge.timeModel.defaultHoldSeconds)"])
            // The kit of the way this exercise is done in the routine (the I-Y-T of the band routine
            // is done face down with nothing), not the routine's kit on every row.
            let way = Availability(have: Set(routine.equipment)).firstWay(of: exercise) ?? exercise.ways[0]
            rows.append([
                exercise.name, entry.note.map { say(.routineNote, ["amount": amount, "note": $0]) } ?? amount,
                say(.workoutEmptyCell),
                listed(way.equipment.map(knowledge.equipmentName)),
            ])
            items.append(
                WorkoutPlan.Item(
                    exercise: exercise.id, name: exercise.name, equipment: way.equipment, sets: 1, reps: entry.reps,
                    seconds: entry.seconds, restSeconds: 0, perSide: false, isWarmUp: false, note: entry.note,
                    loads: way.loads))
        }
        if let last = items.indices.last { items[last].restSeconds = routine.restSeconds }
        rows.append([say(.routineRest), say(.workoutRestSeconds, ["seconds": "\(routine.restSeconds)"]), "", ""])
        draft.add(.table(rows))
        draft.say(routine.how)
        draft.add(
            .paragraph(
                say(
                    .workoutRounds,
                    ["rounds": "\(routine.rounds)", "perWeek": routine.perWeek.map { "\($0)" } ?? "-"])))
        draft.cite(routine.source)
        let plan = WorkoutPlan(
            title: routine.title, minutes: routine.minutes, rounds: routine.rounds, items: items, routineID: routine.id,
            estimatedSeconds: routine.minutes * 60, equipment: routine.equipment)
        offer(plan, into: &draft)
        return plan
    }

    /// The plan, and its exercises with the equipment each is done with, for the JSON reply.
    private func offer(_ plan: WorkoutPlan, into draft: inout ReplyDraft) {
        draft.routine = plan
        draft.exercises = plan.items.compactMap { item in
            knowledge.exercise(item.exercise).map {
                Reply.Suggestion(id: $0.id, name: $0.name, equipment: item.equipment)
            }
        }
    }
}
