"""What one-to-one sessions work on, with a plan's stairway of steps for each KPI."""

from __future__ import annotations

from dataclasses import dataclass

from coachdesk.demo.world import BOTH, CC, FIELD
from coachdesk.models import TeamSetting


@dataclass(frozen=True)
class Topic:
    """Something a session works on: what a leader sees, hears and agrees about it, and the plan stairway to it."""

    skill: str
    kpi: str | None
    settings: tuple[TeamSetting, ...]
    observed: tuple[str, ...]
    performed: tuple[str, ...]
    agent_view: tuple[str, ...]
    barriers: tuple[str, ...]
    agent_commitments: tuple[str, ...]
    manager_commitments: tuple[str, ...]
    target_text: str
    goal_title: str = ""
    plan_title: str = ""
    stairway: tuple[str, ...] = ()
    training_need: str = ""
    plan_barrier: str = ""


def kpi_topic(kpi: str, setting: TeamSetting) -> Topic:
    return next(t for t in TOPICS if t.kpi == kpi and setting in t.settings and t.stairway)


TOPICS = (
    Topic(
        skill="Schedule adherence",
        kpi="adherence",
        settings=(CC,),
        observed=(
            "Went through last week's adherence ({value} against {target}) line by line in the WFM report; most of "
            "the loss was late returns from lunch and a long wrap on Thursday afternoon.",
            "Looked at {first}'s schedule adherence together: logging in two or three minutes late most mornings, "
            "and staying in after-call work after difficult calls.",
            "Adherence came in at {value}. We mapped where the time went: two unplanned breaks and a team huddle "
            "that overran and was not in the schedule.",
            "Checked the adherence dashboard for the week ({value}); {first} had not known that time in 'not ready' "
            "counts against the schedule.",
        ),
        performed=(
            "Knew the numbers before I showed them, which is a good sign.",
            "Could explain each dip in the week without prompting.",
            "Was surprised by how much the short overruns add up over a week.",
            "Accepted the figures but felt Thursday was a one-off because of the system outage.",
        ),
        agent_view=(
            "“I don't want to leave a customer mid-call just to make my break on time.”",
            "Says the late starts are down to the bus since the route changed.",
            "Feels the schedule leaves no time for wrap-up after complaint calls.",
            "“I hadn't realised 'not ready' showed up like that. I thought I was being efficient.”",
        ),
        barriers=(
            "Login takes four to six minutes on the old PCs on bank 3.",
            "The break rota changed mid-month and {first} was not told.",
            "The bus makes the 8 am start tight; {first} asked about an 8:30 shift pattern.",
        ),
        agent_commitments=(
            "Be logged in and ready at the scheduled start every day this week",
            "Set a phone reminder five minutes before each break ends",
            "Check adherence on the dashboard at the end of every shift",
            "Keep after-call work under 60 seconds unless a note needs escalating",
        ),
        manager_commitments=(
            "Ask WFM about a later shift pattern for {first}",
            "Raise the slow login PCs with IT and chase by Friday",
            "Walk {first} through the real-time adherence screen",
        ),
        target_text="Adherence {target} or better by {due}",
        goal_title="Adherence at {target} or better",
        plan_title="Getting schedule adherence back on track",
        stairway=(
            "Go through the schedule and the adherence report with the team leader",
            "Be logged in and ready at the start of every shift for two weeks",
            "Keep after-call work under a minute on routine calls",
            "Check the real-time adherence screen at every break",
            "Hold adherence at target for four weeks running",
        ),
        training_need="Real-time adherence tool (30 minutes with WFM)",
        plan_barrier="Old PCs take five minutes to log in; {first} loses the start of every shift.",
    ),
    Topic(
        skill="Call control",
        kpi="aht",
        settings=(CC,),
        observed=(
            "Listened to three calls together; average handle time last week was {value} against {target}. The time "
            "goes on long holds while {first} searches the knowledge base.",
            "Reviewed a 14-minute billing call: a good outcome, but the first four minutes went on security and "
            "small talk. Handle time for the week {value}.",
            "AHT at {value}. Most of the excess is after-call work: {first} writes very full notes by hand instead of "
            "using the templates.",
            "On the queue together: {first} lets the customer lead and struggles to bring the call back to the "
            "reason they rang. Handle time {value} against {target}.",
        ),
        performed=(
            "Spotted the long hold on the recording before I pointed it out.",
            "Tried signposting the call (“here's what I'll do next”) on the next two calls; both were under seven "
            "minutes.",
            "Agreed the notes are longer than they need to be; less sure about cutting the small talk.",
            "Handled the customer well; call control is the gap, not product knowledge.",
        ),
        agent_view=(
            "“I'd rather take longer and get it right than have them ring back.”",
            "Worries that rushing will hurt the survey scores.",
            "Says the knowledge base search rarely finds the right article first time.",
            "“The templates don't fit half the calls I take, so I write my own notes.”",
        ),
        barriers=(
            "Knowledge base search is poor for refund questions; articles are titled by policy number.",
            "The CRM freezes on account look-ups most afternoons.",
            "Still no access to the billing adjustments screen, so every adjustment needs a transfer.",
        ),
        agent_commitments=(
            "Use the note templates on every billing and moves call",
            "Tell the customer what's happening before every hold, and check back within 60 seconds",
            "Signpost every call in the first minute",
            "Save the five most-used knowledge base articles as favourites",
        ),
        manager_commitments=(
            "Chase {first}'s billing adjustments access request",
            "Share two good example calls from the team library",
            "Log the CRM freezes with IT, with times and account numbers",
        ),
        target_text="Handle time {target} or under by {due}",
        goal_title="Average handle time of {target} or under",
        plan_title="Taking control of handle time",
        stairway=(
            "Listen to three model calls from the team library",
            "Use the note templates on every call",
            "Signpost every call in the first minute",
            "Keep holds under a minute, with a check-back",
            "Hold handle time at target for four weeks",
        ),
        training_need="Billing system refresher (2 hours, e-learning)",
        plan_barrier="Billing adjustments access still not granted, so {first} has to transfer every adjustment.",
    ),
    Topic(
        skill="Empathy and rapport",
        kpi="csat",
        settings=(CC,),
        observed=(
            "Call review of two low-scoring surveys; CSAT last week {value} against {target}. In both calls the "
            "customer had to repeat the problem twice before {first} acknowledged it.",
            "Listened to a complaint about a missed engineer visit: the fix was right, but the apology only came at "
            "the very end.",
            "CSAT at {value}. Read the verbatim comments together: 'helpful but rushed' came up three times.",
            "Listened to a call where {first} used the customer's name, summarised the problem back and set clear "
            "expectations: a textbook call. CSAT {value}.",
        ),
        performed=(
            "Recognised the moment in the call where the customer's tone changed.",
            "Was honest that the rushed calls were at the end of the shift.",
            "Took the survey comments personally at first, then turned to what to do about them.",
            "Practised an acknowledgement line and used it well on the next call.",
        ),
        agent_view=(
            "“Some of the survey scores are about the policy, not about me.”",
            "Feels more confident on calls now the refund rules are clearer.",
            "“I'm fine on the phone, but on chat I come across short.”",
            "Wants more examples of what good sounds like.",
        ),
        barriers=(
            "The survey week included the network outage, which dragged every score down.",
            "Customers arrive from the IVR without the account verified, so calls start badly.",
        ),
        agent_commitments=(
            "Acknowledge the customer's problem in the first 30 seconds of every call",
            "Summarise the agreed actions before ending each call",
            "Read the survey verbatims every Friday and pick one thing to change",
        ),
        manager_commitments=(
            "Send {first} two top-scoring calls to listen to",
            "Take the outage-week surveys out of {first}'s figures and explain why",
        ),
        target_text="CSAT {target} or better by {due}",
        goal_title="CSAT of {target} or more",
        plan_title="From helpful to outstanding: customer satisfaction",
        stairway=(
            "Read last month's survey verbatims with the team leader",
            "Acknowledge the problem in the first 30 seconds of every call",
            "Summarise the agreed actions before every call ends",
            "Call review of two top-scoring calls from the team",
            "CSAT at target for a full month",
        ),
        training_need="Customer empathy workshop (half a day)",
        plan_barrier="Calls from the IVR arrive unverified, so {first} starts every call on security questions.",
    ),
    Topic(
        skill="Probing questions",
        kpi="fcr",
        settings=(CC,),
        observed=(
            "First contact resolution at {value} against {target}. Looked at five repeat contacts: in three, the "
            "real issue was a second fault the customer mentioned in passing.",
            "Call review: {first} resolved the question asked but did not check whether anything else was wrong; "
            "the customer rang back the next day.",
            "Went through the transfer log: a third of {first}'s transfers were things {first} could fix with the "
            "right permissions. FCR {value}.",
            "FCR {value}. Compared notes on two callbacks; both needed a follow-up that was promised but not booked.",
        ),
        performed=(
            "Grasped the 'anything else?' check quickly.",
            "Was unsure when to transfer and when to own it; we went through the decision tree together.",
            "Listened back and found the missed question without help.",
            "Keen to own more calls from start to finish.",
        ),
        agent_view=(
            "“I transfer because I'm scared of getting the adjustment wrong.”",
            "Thinks repeat calls are often the customer checking, not a failed fix.",
            "Wants to own the callbacks rather than hand them to the back office.",
        ),
        barriers=(
            "Not trained on broadband faults yet, so every fault call goes to tier 2.",
            "The callback tool only offers next-day slots.",
        ),
        agent_commitments=(
            "Ask “is there anything else I can sort out today?” before closing every call",
            "Book the follow-up before ending the call whenever one is promised",
            "Use the transfer decision tree before every transfer this week",
        ),
        manager_commitments=(
            "Book {first} onto the broadband faults course",
            "Ask the back office for same-day callback slots for the team",
        ),
        target_text="First contact resolution {target} by {due}",
        goal_title="First contact resolution at {target}",
        plan_title="Fixing it first time",
        stairway=(
            "Review five repeat contacts with the team leader",
            "Use the 'anything else?' check on every call",
            "Complete the broadband faults module",
            "Own callbacks end to end for two weeks",
            "FCR at target for four weeks",
        ),
        training_need="Broadband faults course (1 day)",
        plan_barrier="The broadband faults course is full until next quarter.",
    ),
    Topic(
        skill="Visit schedule",
        kpi="adherence",
        settings=(FIELD,),
        observed=(
            "Went through the week's visit schedule: adherence {value} against {target}. Two morning visits started "
            "late after stock pick-ups at the depot.",
            "Schedule adherence {value}. The van check and the stock pick-up are eating the first hour of the day.",
            "Looked at the job log together: long gaps between visits on Tuesday, with no notes to explain them.",
        ),
        performed=(
            "Knew exactly where the time went and had already rearranged next week.",
            "A bit defensive about the Tuesday gaps; the traffic was genuinely bad.",
            "Good discussion; {first} came with their own ideas for the route.",
        ),
        agent_view=(
            "“The first visit is always tight when the depot opens late.”",
            "Feels the planner books visits at opposite ends of the patch on the same morning.",
        ),
        barriers=(
            "The depot opens at 7:45 but the first visit is booked for 8:00.",
            "Planner does not take road works into account.",
        ),
        agent_commitments=(
            "Pick up tomorrow's stock the afternoon before",
            "Update the job status at every arrival and departure",
            "Ring ahead if a visit will start more than 10 minutes late",
        ),
        manager_commitments=(
            "Ask the planners to cluster {first}'s visits by postcode",
            "Get the depot to open at 7:30 for early starts",
        ),
        target_text="Visit schedule adherence {target} by {due}",
        goal_title="Visit schedule adherence at {target} or better",
        plan_title="Getting the day's visits on time",
        stairway=(
            "Review a week of the job log with the team leader",
            "Collect stock the afternoon before every early start",
            "Update the job status at every arrival and departure",
            "Plan the route the evening before, clustered by postcode",
            "Schedule adherence at target for four weeks",
        ),
        training_need="Route planning app (1 hour with the planners)",
        plan_barrier="The depot opens too late for 8:00 visits; the team leader is asking for an earlier opening.",
    ),
    Topic(
        skill="Customer experience on visits",
        kpi="csat",
        settings=(FIELD,),
        observed=(
            "Joined {first} on three customer visits: strong rapport at the door, but the survey request at the end "
            "was skipped twice. CSAT {value} against {target}.",
            "CSAT {value}. Read the visit comments together: customers like {first} but want to know how long the "
            "job will take.",
            "Side by side at a difficult visit: the customer was angry about two missed appointments, and {first} "
            "calmed it down well.",
        ),
        performed=(
            "Handled the angry customer calmly and owned the missed appointments.",
            "Agreed that setting expectations at the door would help.",
            "Very natural with customers; the admin at the end is where it slips.",
        ),
        agent_view=(
            "“It feels awkward asking for a survey when I've been in someone's kitchen for two hours.”",
            "Thinks the scores are mostly about the booking, not the visit.",
        ),
        barriers=("Customers get the survey text a week late, after they've forgotten the visit.",),
        agent_commitments=(
            "Tell every customer at the door what the visit involves and how long it will take",
            "Explain the survey before leaving every visit",
        ),
        manager_commitments=("Ask for the survey text to go out on the day of the visit",),
        target_text="Visit CSAT {target} or better by {due}",
        goal_title="Visit CSAT of {target} or more",
        plan_title="Every visit a good one",
        stairway=(
            "Read last month's visit comments with the team leader",
            "Set expectations at the door on every visit",
            "Explain the survey before leaving",
            "Shadow a top-scoring colleague for a day",
            "CSAT at target for a full month",
        ),
        training_need="Difficult conversations on the doorstep (half a day)",
        plan_barrier="Survey texts go out a week after the visit.",
    ),
    Topic(
        skill="Fixed on first visit",
        kpi="fcr",
        settings=(FIELD,),
        observed=(
            "First-visit resolution {value} against {target}. Two revisits last week were for parts {first} did not "
            "have on the van.",
            "Looked at three revisits together: each needed a part that could have been ordered from the job notes "
            "before the visit.",
            "FCR {value}. Talked through a revisit where the customer's second problem came up only after {first} "
            "had left.",
        ),
        performed=(
            "Took it on board; already checks job notes the night before.",
            "Frustrated about van stock, but agreed what is in {first}'s control.",
            "Came up with a van stock checklist unprompted.",
        ),
        agent_view=(
            "“Half the revisits are because the job notes are wrong, not because of me.”",
            "Wants a bigger van stock of the common parts.",
        ),
        barriers=(
            "Van stock list hasn't been updated for the new routers.",
            "Job notes from the call centre are thin.",
        ),
        agent_commitments=(
            "Check the job notes and order parts the evening before",
            "Ask every customer if there is anything else before leaving",
        ),
        manager_commitments=("Get the van stock list updated for the new routers",),
        target_text="First-visit resolution {target} by {due}",
        goal_title="First-visit resolution at {target}",
        plan_title="Fixed first time, every visit",
        stairway=(
            "Review three revisits with the team leader",
            "Check the job notes and order parts the evening before",
            "Keep the van stock checklist up to date weekly",
            "Ask the 'anything else?' question at every visit",
            "First-visit resolution at target for four weeks",
        ),
        training_need="New router installs (1 day)",
        plan_barrier="The van stock list is out of date for the new routers.",
    ),
    Topic(
        skill="Data protection checks",
        kpi=None,
        settings=(CC,),
        observed=(
            "The quality check picked up a call where the full security check was skipped because the customer was "
            "in a hurry.",
            "Reviewed ten of {first}'s calls for data protection: nine spot on, one where the address was read out "
            "before the customer confirmed it.",
            "Went through the new vulnerable-customer flag and how to record it.",
        ),
        performed=(
            "Understood straight away why it matters.",
            "A bit defensive at first; the customer was pushing hard.",
            "Talked it through well and suggested a wording for the check.",
        ),
        agent_view=(
            "“Customers get annoyed when I ask the same questions again after a transfer.”",
            "Finds the vulnerability flag confusing.",
        ),
        barriers=("The security script on the intranet is still the old version.",),
        agent_commitments=(
            "Do the full security check on every call, repeat callers included",
            "Redo the data protection e-learning by Friday",
        ),
        manager_commitments=(
            "Update the security script link on the team page",
            "Explain the vulnerability flag at Monday's huddle",
        ),
        target_text="No data protection fails in the next quality sample",
    ),
    Topic(
        skill="Needs discovery and objection handling",
        kpi=None,
        settings=(CC,),
        observed=(
            "Listened to two calls where the customer wanted to cancel: {first} went straight to the best offer "
            "before finding out why they wanted to leave.",
            "Role-played the price objection; {first} knows the product well but goes quiet when the customer says "
            "“too expensive”.",
            "Worked through the new bundle offer and when it fits a customer and when it doesn't.",
        ),
        performed=(
            "Enjoyed the role-play and got better with each round.",
            "Found it hard not to jump to the offer; we practised three open questions.",
            "Confident; ready to try it on live calls.",
        ),
        agent_view=(
            "“If I don't offer the discount quickly they hang up.”",
            "Would like to listen to how the top retentions advisors open the call.",
        ),
        barriers=("The offer matrix changed twice this month.",),
        agent_commitments=(
            "Ask two open questions before making any offer",
            "Practise the price objection with a colleague twice this week",
        ),
        manager_commitments=("Pair {first} with a top retentions advisor for an hour",),
        target_text="Two open questions before every offer",
    ),
    Topic(
        skill="Tone in written replies",
        kpi=None,
        settings=(CC,),
        observed=(
            "Read through ten of {first}'s written replies (emails and web chats): accurate, but the short answers "
            "read as abrupt.",
            "Looked at a complaint about a written reply together: the customer felt 'fobbed off' by a pasted answer.",
        ),
        performed=(
            "Saw the point once we read the transcript aloud.",
            "Agreed to personalise the stock answers.",
        ),
        agent_view=("“When the queue is long I don't have time to write essays.”",),
        barriers=("Written replies get squeezed in between calls at peak time.",),
        agent_commitments=("Personalise the first line of every stock answer",),
        manager_commitments=("Ask WFM for an hour off the phones each week for {first}'s written replies",),
        target_text="No 'abrupt' comments in surveys on written replies by {due}",
    ),
    Topic(
        skill="Visit planning",
        kpi=None,
        settings=(FIELD,),
        observed=(
            "Rode along for the morning: four visits planned, two done. Most of the time went on traffic between the "
            "two ends of the patch.",
            "Went through next week's route together and clustered the visits by postcode.",
        ),
        performed=(
            "Good ideas for the route; knows the patch well.",
            "Agreed the plan but worried about the planners.",
        ),
        agent_view=("“The planner doesn't know the A-roads round here.”",),
        barriers=("Planner books visits across the whole patch on the same morning.",),
        agent_commitments=("Plan the route the evening before and flag clashes to the planners",),
        manager_commitments=("Meet the planners about how {first}'s patch is booked",),
        target_text="No more than 30 minutes' driving between visits",
    ),
    Topic(
        skill="Lone working and safety",
        kpi=None,
        settings=(FIELD,),
        observed=(
            "Checked the lone-working check-ins for the month: three missed on late visits.",
            "Talked through a visit last week where {first} felt unsafe and left early, which was the right call.",
        ),
        performed=("Took it seriously.", "Relieved to hear that leaving early was the right thing to do."),
        agent_view=("“The app logs me out when there's no signal.”",),
        barriers=("No signal in parts of the patch; the lone-working app drops out.",),
        agent_commitments=("Check in on the lone-working app at every arrival and departure",),
        manager_commitments=("Ask for a satellite check-in device for the rural visits",),
        target_text="Every check-in made for the next month",
    ),
    Topic(
        skill="Resilience",
        kpi=None,
        settings=BOTH,
        observed=(
            "Talked about a very difficult contact on Tuesday with an abusive customer.",
            "Checked in after a long run of complaints; {first} has had a tough fortnight.",
            "Reviewed how {first} handled a customer in real distress; the call went well but it clearly stayed "
            "with {first}.",
        ),
        performed=(
            "Opened up more than usual.",
            "Said it helped to talk it through.",
            "Handled it professionally; needed to hear that.",
        ),
        agent_view=("“I keep replaying the call in my head.”", "Says the team have been brilliant."),
        barriers=("No quiet room on the floor to take five minutes after a hard contact.",),
        agent_commitments=("Take the five-minute reset after any abusive contact, and tell me",),
        manager_commitments=("Remind {first} about the employee assistance programme and send the number",),
        target_text="Check in again in a week",
    ),
    Topic(
        skill="Product knowledge",
        kpi=None,
        settings=BOTH,
        observed=(
            "Went through the new price plans before they launch on Monday; {first} had questions on the contract "
            "rules.",
            "Quizzed {first} on the five most common questions about the new routers.",
        ),
        performed=(
            "Knew most of it; a couple of gaps on early termination fees.",
            "Sharp; knew nearly all of it already.",
        ),
        agent_view=("“The briefing pack is forty pages; I need a one-pager.”",),
        barriers=("The briefing pack came out the day before the launch.",),
        agent_commitments=("Read the launch one-pager and test yourself on the quiz",),
        manager_commitments=("Make a one-page summary of the new plans for the team",),
        target_text="Full marks on the launch quiz",
    ),
)
