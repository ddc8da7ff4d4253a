/// Words that steer a reply without changing what was asked: "another" asks for a new workout,
/// "easier" for gentler swaps. Each is a list in `language/vocabulary.yaml` (`signals:`), so
/// adding a word is an edit to the knowledge; loading fails when a signal has no list.
public enum Signal: String, CaseIterable, Sendable {
    /// The line names a workout itself, so it asks afresh rather than changing the last one.
    case workout
    /// Another, different one.
    case another
    /// Something easier.
    case easier
    /// A follow-up that only changes the workout just given ("make it 20 minutes").
    case changeWorkout = "change-workout"
    /// A short follow-up about the exercise being discussed (its sets, cues, steps).
    case formFollowUp = "form-follow-up"
    /// Sets and reps.
    case dosage
    /// What people get wrong.
    case mistakes
    /// The steps, in order.
    case steps
    /// Asking for another exercise in place of one ("what can I do instead?").
    case swap
    /// Thanks ("thanks", "cheers").
    case thanks
    /// Praise for coach or its articles ("your blog is fantastic", "really helpful"): thanked
    /// for, then the introduction.
    case praise
    /// Goodbye.
    case bye
    /// A plain acknowledgement ("ok", "got it").
    case acknowledge
    /// Answering "which one?": the first one named, the second one, or either.
    case first
    case second
    case either
    /// How a yes-or-no question starts ("should I...", "do you..."): never a whole how-to.
    case yesNo = "yes-no"
    /// How a yes-or-no question may end instead ("pull-ups every day ok?", "100 a day, legit?").
    case yesNoTag = "yes-no-tag"
    /// How a second question opens after "and" in one sentence ("what should I do for my back
    /// and how often?").
    case opensQuestion = "opens-question"
    /// Who a yes-or-no question asks about, just after its opener ("and should I...", "and can
    /// they..."): with one, "and should" opens a second question, not "and do face pulls".
    case askedAbout = "asked-about"
    /// The weeks ahead asked about with a plan ("what should my first few weeks look like"): the
    /// workout comes with how to build on it week by week.
    case weeksAhead = "weeks-ahead"
    /// Said just after an exercise, with a word of swapping, to take it out of a workout ("swap
    /// the barbell row out").
    case outOfPlan = "out-of-plan"
    /// Where a move is felt set against where it should be ("my lower back is fried after, not my
    /// lats"): a question of form, not an injury.
    case feltInstead = "felt-instead"
    /// Keeping clear of injury ("avoid hurting my shoulders", "stay injury free"): with nothing
    /// reported, a safety question about prevention, answered with how to keep it that way.
    case preventsInjury = "prevents-injury"
    /// A word of quality said of a plan ("a good back workout", "best routine"): which plan is
    /// good, asked for.
    case planQuality = "plan-quality"
    /// How a workout should feel, said when asking for one ("want it to burn", "something
    /// intense"): a denser session, the shortest rests and more work.
    case denser
    /// A heavier piece of the same kit asked about ("thicker band or what"): yes, the next one up.
    case heavierKit = "heavier-kit"
    /// A session told as done ("just finished a sick back session"): with no question, small talk.
    case sessionDone = "session-done"
    /// Words that point back at what was just discussed ("do I do that before or after?").
    case refersBack = "refers-back"
    /// A plan named as the one already given ("add face pulls to the workout you just gave me",
    /// "that workout"): a change to it, not a new request.
    case namesLastPlan = "names-last-plan"
    /// A word of changing on its own ("what do I change"): with soreness right after a workout and
    /// no exercise named, a change to that workout.
    case changeWord = "change-word"
    /// Asking the same of something else ("ok and what about for the pullover"): right after a
    /// swap, a swap for that one, for the same reason.
    case whatAbout = "what-about"
    /// Asking how many rounds or sets ("how many rounds should I do"): right after a workout, the
    /// ones it gives.
    case asksRounds = "asks-rounds"
    /// Asking how long to rest ("how long rest between", "how much rest").
    case asksRest = "asks-rest"
    /// Words that join two requests ("no warm up and a stretch at the end"): a word of leaving out
    /// or adding before one belongs to its own request, not the next.
    case clauseBreak = "clause-break"
    /// Whether something is enough ("is a band enough?", "will dumbbells suffice?").
    case asksEnough = "asks-enough"
    /// Training on days that follow one another ("two days in a row", "back to back days"):
    /// asked of how often, as every day is.
    case daysRunning = "days-running"
    /// A stretch to end a session ("add a cool-down", "a stretch at the end"): right after a
    /// workout, with a word of adding or leaving out, the plan gains or loses one.
    case coolDown = "cool-down"
    /// The warm-up as a part of a session ("skip the warm up"): right after a workout, with a word
    /// of leaving out or adding, the plan drops it or has it back.
    case warmUpPart = "warm-up-part"
    /// The word for sets ("3 sets each"): a small number just before it, right after a workout,
    /// is how many sets of every move.
    case setsWord = "sets-word"
    /// Words of getting something ("just got", "just bought"): after "just", kit newly had, not
    /// all there is.
    case acquired
    /// Whether one is better or worse ("is a pulldown better than pull-ups?"): not answered by
    /// whether it is a fair swap.
    case asksBetter = "asks-better"
    /// "What is", "what are": an exercise named straight after is asked what it is.
    case asksWhatIs = "asks-what-is"
    /// "What do", "difference between": of a muscle named, what it does, not the best exercises.
    case asksWhatDoes = "asks-what-does"
    /// Words of a pain that is no ordinary soreness, however soon it settles ("a pinch at the
    /// front of my shoulder on face pulls, goes away after a few minutes").
    case notSoreness = "not-soreness"
    /// Something noticed in the body that may or may not hurt ("clicks", "feels tight", "sticks
    /// out"): said with "it doesn't hurt", it is what the line is about.
    case noticed
    /// A plan for the weeks asked for, not one session ("plan pls", "a program", "my split"):
    /// a workout says how often to do it.
    case asksProgram = "asks-program"
    /// Progress on an exercise said to have stalled ("stuck at 8 pull-ups", "plateaued on rows").
    case plateauSaid = "plateau-said"
    /// Where a move is felt ("feel it more in my low back than my upper back"): a part of the body
    /// said with these is where the work lands, not where it hurts.
    case feltIn = "felt-in"
    /// Soreness put down to a session just done ("so sore from yesterday", "after training"):
    /// arms that will not lift said with it are sore muscles, not a limit to examine.
    case afterASession = "after-a-session"
    /// Units of a load lifted ("60kg", "135 lbs"): a plateau said with one is at a load.
    case loadUnits = "load-units"
    /// Units a number counts that are not time ("make it 12 reps", "3 rounds", "20 kg"): a bare
    /// number followed by one is no workout's length.
    case countUnits = "count-units"
    /// Words after kit that make it a kind of training ("the barbell stuff", "cable work"): kit
    /// named so just after a word of swapping is the kit to replace.
    case kitAsAKind = "kit-as-a-kind"
    /// Words just before a muscle that make it the one to train ("something for my rear delts",
    /// "that hits the lats"): a muscle said otherwise ("chest supported", "in the trunk") is no
    /// focus for a swap.
    case namesATarget = "names-a-target"
    /// Names of a gym day ("pull day", "back and bis"): with no kit said, a gym is assumed.
    case gymDay = "gym-day"
    /// Words of an answer to "which one?" that name no exercise ("the cable one").
    case whichOne = "which-one"
    /// Make the last workout harder, shorter or longer.
    case harder
    case shorter
    case longer
    /// Asking for another way of doing the exercise just discussed ("the band keeps slipping out
    /// of the door, any other way?").
    case asksOtherWay = "asks-other-way"
    /// Asking for something like an exercise ("anything like a face pull I can do at my desk?").
    case asksSomethingLike = "asks-something-like"
    /// Asking whether to stop or keep doing something ("should I just stop doing them?"): right
    /// after a pain was answered, whether to train through it.
    case stopOrKeepDoing = "stop-or-keep-doing"
    /// Time said as all there is ("I only have 25 now"): a bare number with it, after a workout,
    /// is that workout's new length.
    case timeLeft = "time-left"
    /// Kit said as all there is ("I only have dumbbells").
    case only
    /// Leave an exercise out ("without the superman").
    case leaveOut = "leave-out"
    /// Put an exercise in the workout ("add face pulls", "put pull-ups in it").
    case addIn = "add-in"
    /// Words just before an exercise named in a workout request that refuse it ("no pull-ups",
    /// "mostly upper back, not deadlifts").
    case refuses
    /// Said just before an exercise, these keep it from being refused ("a session that's not just
    /// pull-ups" wants more than pull-ups, not none).
    case notOnly = "not-only"
    /// Asking for exercises to do ("what exercises can I do to strengthen it?").
    case exercisesAsked = "exercises-asked"
    /// Words that name a side ask in a question about one exercise: sets and reps, how often,
    /// how heavy ("what frequency, sets and intensity for face pulls?").
    case asksDose = "asks-dose"
    case asksFrequency = "asks-frequency"
    case asksLoad = "asks-load"
    /// A word of sets or reps that asks no dose ("on each rep").
    case notDose = "not-dose"
    /// Asking how to keep a habit going ("how can I stick to my routine when I travel?").
    case asksHabit = "asks-habit"
    /// Asking for a single exercise ("is there one exercise that covers it all?").
    case asksOne = "asks-one"
    /// Asking about every day ("can I do them every day?").
    case asksDaily = "asks-daily"
    /// Telling of a milestone ("new PR!", "finally got it").
    case celebrates
    /// With "first", a first rep achieved ("hit my first pull-up ever").
    case achieved
    /// How a question asked without its mark starts ("anything that does the same job").
    case asksUnmarked = "asks-unmarked"
    /// Asking when to add load ("when should I go up in weight on rows?").
    case asksWhenHeavier = "asks-when-heavier"
    /// Asking what belongs to the upper back ("what counts as upper back?").
    case asksPartOf = "asks-part-of"
    /// Asking for the next step with an exercise named ("what's next?").
    case asksNext = "asks-next"
    /// Asking whether something is normal ("is that normal?").
    case asksNormal = "asks-normal"
    /// Asking whether something does harm ("will rows hurt me?", "is it bad for my back?"), not
    /// whether it is safe: "not if..." answers it, where "yes, if..." answers "is it safe?".
    case asksHarm = "asks-harm"
    /// Asking whether something is safe or fine ("is it safe to...", "is it ok to..."): a yes can
    /// answer it.
    case asksSafe = "asks-safe"
    /// Said with a doctor or physiotherapist who has seen the person, that they ruled a move out
    /// ("my doctor said deadlifts are dangerous for my spine", "physio told me not to"): their
    /// word leads, not the article's general yes.
    case advisedAgainst = "advised-against"
    /// Asking why an exercise is shunned ("why the hatred toward lat pulldowns?", "is there a
    /// reason to avoid them?"): a question about it, not a request for a swap.
    case asksWhyAvoided = "asks-why-avoided"
    /// Asking an opinion of a way of training ("do you think...", "is that the correct method?").
    case asksOpinion = "asks-opinion"
    /// Asking in so many words whether a move is enough on its own ("do I also need rows?",
    /// "pull-ups by themselves"): what it covers of the upper back, and what to add. (A word of
    /// `asks-enough` said of the moves named asks it too: "are pull-ups enough?".)
    case asksMoveEnough = "asks-move-enough"
    /// Asking what to make of a plan someone describes ("thoughts?", "anything I should change?",
    /// "is this a good routine?"): said with the moves and how often or how much, a review of it.
    case asksPlanReview = "asks-plan-review"
    /// Words of doing moves in one session ("same day", "together", "one workout"): said yes or
    /// no of two moves named, whether they go together.
    case sameSession = "same-session"
    /// Words a word of enough follows when it is said of the moves named, not of a weight or a
    /// rest ("are they enough?", "pull-ups alone enough?"; not "heavy enough").
    case enoughOf = "enough-of"
    /// Said just before an exercise, these name it as one to add, not one already done ("do I
    /// need rows too?", "should I add face pulls?").
    case addsMove = "adds-move"
    /// Words of adding a move to what someone does ("should I add face pulls?", "worth adding in
    /// pull-aparts?"): said just before the move, whether it is worth adding.
    case asksAdd = "asks-add"
    /// Words that say kit is owned ("got dumbbells and a bench", "I only have a band"), not
    /// named in passing as an exercise's ("heavy db shrugs").
    case ownsKit = "owns-kit"
    /// Asking what can still be done while something heals ("can I still train my back somehow?").
    case asksMeanwhile = "asks-meanwhile"
    /// "What can I do for my upper back", said with a pain that can be trained around.
    case asksWhatCan = "asks-what-can"
    /// Said just before an exercise, these set it aside rather than weigh it as the swap
    /// ("a substitute that isn't just lat pulldowns", "besides rows").
    case setAside = "set-aside"
    /// Words for exercises, after a count ("3 exercises", "two moves"): how many a workout has.
    case exerciseWords = "exercise-words"
    /// Words of at most, after a count ("like 3 max").
    case atMost = "at-most"
    /// Asking how long a pain takes to settle ("how long until it heals?").
    case asksHowLong = "asks-how-long"
    /// Asking for an alternative in so many words ("alternative that works rear delts?"): unlike
    /// the `swap` words, never a word of form ("pull to the hips instead of the chest?").
    case asksAlternative = "asks-alternative"
    /// Asking for something else ("face pulls hurt my shoulder, what else?"): after a pain with an
    /// exercise named, a swap. Pairs, as the classifier reads them ("anyone else" is not one).
    case asksSomethingElse = "asks-something-else"
    /// A word for a plan to follow ("routine", "programme", "session").
    case planNoun = "plan-noun"
    /// Asking to be given something ("give me", "need", "what would you programme?").
    case asksToBeGiven = "asks-to-be-given"
    /// Words that question how often or how much ("how often", "is that enough", "too much"):
    /// a line with them asks about the frequency it names rather than giving it.
    case doubtsFrequency = "doubts-frequency"
    /// Words of warming up ("warm-up", as read: "warmup"): a routine said with one is the warm-up,
    /// not a workout.
    case saysWarmUp = "says-warm-up"
    /// Asking to change something just given ("can you change it?"): right after a workout, a
    /// change to it.
    case asksChange = "asks-change"
    /// Soreness in so many words ("sore", "DOMS"), not tightness: asked whether it is safe to
    /// train, the soreness answer, not the one for a tightness that does not hurt.
    case saysSore = "says-sore"
    /// Words of a dull ache ("aching", "achy"): the day after a session, in a muscle, soreness.
    case dullAche = "dull-ache"
    /// Fear of a move said ("scared of bent-over rows"): with a pain, the move done another way.
    case fears
    /// Asking how to set something up ("what angle do I set it to?", "how high?").
    case asksSetUp = "asks-set-up"
    /// Offering a choice ("on a bench or the floor?", "weights or not?"): asked how to set an
    /// exercise up, its ways are the choices.
    case offersChoice = "offers-choice"
    /// How a question asking how to do something starts ("how do I...").
    case asksHow = "asks-how"
    /// Weighing one thing against another ("which is better", "vs"): two ways of one exercise
    /// named so are compared, not swapped.
    case asksWhichBetter = "asks-which-better"
    /// The words that join two choices ("pull-ups or pulldowns"): two exercises joined by one in a
    /// question are weighed against each other.
    case eitherOr = "either-or"
    /// Said just after "it doesn't hurt during": it hurts after all, later ("just after and next
    /// morning"), so the denial is undone.
    case hurtsLater = "hurts-later"
    /// Asking whether kit is needed ("do I need weights for it?", "is a bench required?"): answered
    /// yes or no from the exercise's ways.
    case asksNeeded = "asks-needed"
    /// Asking for an exercise to be explained or walked through ("explain the I-Y-T raise, like
    /// what are the positions"): how it is done, not only what it is.
    case asksExplained = "asks-explained"
    /// Asking why ("why do pulldowns go to the front?"): a reason, not a walk-through.
    case asksWhy = "asks-why"
    /// Asking what something should look like: said after a plan noun ("what should a back day
    /// look like?"), a plan is asked for.
    case asksLooksLike = "asks-looks-like"
    /// Asking a workout for fewer reps in more sets ("less reps more sets", "lower reps"), or more
    /// reps in fewer sets ("higher reps").
    case fewerReps = "fewer-reps"
    /// Words of hard effort said as harm ("this program kills me", "that circuit destroyed me"):
    /// of a plan, with no part of the body named, no pain.
    case effortAsHarm = "effort-as-harm"
    /// Everyday things said to wear a person out ("the kids are killing me today lol", "work is
    /// destroying me"): a word of `effort-as-harm` said of one, with no part of the body named,
    /// is no pain, as of a plan.
    case strainNoun = "strain-noun"
    /// Words just before "pain" that make it a nuisance when "to" and a doing word follow ("a
    /// real pain to fit into my schedule"; "pain to the touch" is a pain).
    case nuisancePain = "nuisance-pain"
    /// The word after such a "pain" before the doing word ("to").
    case nuisancePainThen = "nuisance-pain-then"
    case moreReps = "more-reps"
    /// Asking what something is ("what is", "explain", "never heard of"): without one, a line
    /// that reads as what-is but names a problem of form asks about that point.
    case asksWhatItIs = "asks-what-it-is"
    /// Asking for the best exercises in so many words ("best exercises", "what exercises"): with
    /// no exercise named and no pain, for a goal, a muscle or a part of the body, the ask is
    /// best-for, whatever numbers the backstory holds.
    case asksBestFor = "asks-best-for"
    /// A week named with a dose ("how many sets of face pulls a week?"): the facts of the topics
    /// on dose that also answer how often say how much a week.
    case asksWeek = "asks-week"
    /// The next weight up is too big a step ("the gym jumps from 30 to 35 and 35 feels way too
    /// heavy"): after an exercise was discussed, how to keep progressing it without that jump.
    case weightJump = "weight-jump"

    /// Whether an entry may be two words ("how long"): true for a signal looked for among the words
    /// the classifier sees of a line, which include each pair of neighbouring words (small words
    /// dropped), and for the plan nouns ("back day"), a milestone ("just hit"), harder and easier
    /// ("too easy"), looked for as neighbouring words of the line itself (`Interpreter.says`,
    /// `Turn.says`). The other lists are matched one word of the line at a time.
    public var allowsWordPairs: Bool {
        [
            .asksHowLong, .notDose, .asksDose, .asksDaily, .asksOne, .asksSomethingElse, .planNoun, .asksNext,
            .celebrates,
            .harder, .easier, .asksPartOf, .asksWhenHeavier, .achieved, .notOnly, .plateauSaid, .feltIn, .asksBestFor,
            .weightJump, .afterASession, .gymDay, .shorter, .timeLeft, .asksSomethingLike, .stopOrKeepDoing,
            .asksChange, .fears,
            .asksOtherWay, .advisedAgainst, .asksWhyAvoided, .asksOpinion, .asksMoveEnough, .asksPlanReview,
            .sameSession, .addsMove,
            .asksAdd,
            .asksProgram,
            .setAside, .asksWhatCan, .weeksAhead, .feltInstead, .preventsInjury, .denser, .sessionDone, .praise,
            .asksWhatIs, .asksWhatDoes, .asksLooksLike, .asksExplained, .leaveOut, .hurtsLater, .fewerReps, .moreReps,
            .namesLastPlan, .asksRest, .coolDown, .warmUpPart, .daysRunning, .whatAbout, .asksRounds, .asksLoad,
            .trainsArea, .namesATarget, .stalledFor,
        ].contains(self)
    }
    /// Asking where to begin ("where do I start?").
    case startingOut = "starting-out"
    /// Single words that may stand around a line that starts the guided workout ("ok guide me
    /// through it", "start please"): the line is read without them.
    case aroundStart = "around-start"
    /// Words that ask to change a move in place ("swap the pullover"), which presume it is in the
    /// workout just given; "what instead of face pulls?" asks in general.
    case swapInPlace = "swap-in-place"
    /// Words of training a place: a place said just after one is what to train, not what hurts
    /// ("a sub that still builds my upper back").
    case trainsArea = "trains-area"
    /// Words for muscles: a place said just before one ("neck muscles") or at most three words
    /// after one ("the muscles between the shoulder blades") is muscle to train, not a place that
    /// hurts.
    case musclesWord = "muscles-word"
    /// Words of lifts that have stalled ("stuck at", "plateaued"): a duration just after one is how
    /// long they have stalled, not how long something has hurt ("stuck at 15 pull-ups for a few
    /// weeks now ... my back is sore").
    case stalledFor = "stalled-for"
    /// Words that say a move is done wrong ("shrug", "round", "behind"): asked whether it is all
    /// right to do something a mistake of the exercise says in one of them, the answer is no.
    case faultWords = "fault-words"
    /// Words just before the exercise another is weighed against ("the same as a db row",
    /// "better than rows"): the one to be replaced.
    case weighedAgainst = "weighed-against"
    /// Words of a week and of a month, for how many weeks a program should span ("a 4 week plan").
    case weekUnit = "week-unit"
    case monthUnit = "month-unit"
    /// Words of time to come just before a count of weeks ("for the next six weeks").
    case timeAhead = "time-ahead"
    /// Kit said to be the most there is ("its already the heaviest one", "that's my strongest
    /// band"), right after how to progress a move.
    case mostKit = "most-kit"
    /// A member of a list named by what sets it apart ("the towel one", "the band ones").
    case oneOfList = "one-of-list"
}
