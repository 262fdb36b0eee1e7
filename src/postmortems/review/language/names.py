"""Given names, so a person named in the prose is recognised without a name list in front matter.

Postmortems written as people write them rarely list participants, yet say "Alice restarted the
pods". A capitalised word is not enough to tell a person from a product ("Flux failed to
reconcile", "Kafka dropped messages"), so a name must be a common given name (this list, from many
languages) or a name the document or configuration declares. Words that are both a given name and
a common English word or an ops product ("Will", "Grace period", "Jenkins", "Ruby") are left out
here; they count as names only when the document declares them.
"""

from __future__ import annotations

from functools import lru_cache

from postmortems.review.language.wordlists import words

_GIVEN = """
aaron abby abdul abdullah abel abigail abraham ada adam adel adele adrian adriana afia agnes ahmad
ahmed aiden aisha akira alan albert alberto alejandro aleksandr alex alexa alexander alexandra
alexei alexis alfred ali alice alicia alina alison allan allison amanda amber amelia amina amir amit
amy ana anastasia anders andre andrea andreas andrei andres andrew andy angela angelica angelo
anita ann anna anne annie anthony anton antonio anya arjun arnav arthur arun asha ashley astrid
aurelie austin ava axel ayesha barbara barry beatrice beatriz becky ben benjamin bernard beth
bethany betty bianca bjorn blake bob bobby boris brad bradley brandon brenda brendan brian bridget
brigitte bruce bruno bryan caitlin caleb camila camille carl carla carlos carlota carmen carol
caroline carolyn casey cassandra catalina catherine cecilia celine chandra charles charlie
charlotte chen cheng chiara chloe chris christian christina christine christopher claire clara
claudia colin connor conor craig cristina curtis cynthia dan dana daniel daniela danielle dariusz
david deborah debra deepak denis dennis derek diana diego dimitri dmitri dmitry dominic dominik
donald donna doris dorothy doug douglas duncan dylan edgar eduardo edward edwin eileen elena eli
elias elif elijah elisa elisabeth eliza elizabeth ella ellen elliot emil emilia emilie emily emma
emre enrique eric erik erika erin esther ethan eugene eva evan eve evelyn fabian fahad farah
fatima federico felix fernando filip fiona florian francesca francesco francis francisco frank
franz fred frederik freya gabriel gabriela gareth gary gavin george georgia gerald gerhard gianni
gina giorgio giovanni giulia giuseppe gloria gordon graham greg gregory gustavo hamid hana hannah
hans harold harriet harry hassan heather hector heidi helen helena henrik henry hiroshi holly
hugo hussein ian igor ibrahim ilya imran ines ingrid irene isaac isabel isabella isla ismail ivan
jacob jacqueline jade jakob james jamie jan jana jane janet janice jason javier jayden jean jeff
jeffrey jennifer jenny jeremy jerome jerry jessica jesus jill jim jimmy jin joan joanna joao joe
joel johan johanna john johnny jon jonas jonathan jordan jorge jose josef joseph josh joshua
juan judith judy julia julian julie julien julio jun justin kai kamal karen karim karin karl
karthik kasper kate katherine kathleen kathryn katie katrin kayla keith kelly ken kenji kenneth
kevin khalid kim kimberly kirsten klaus kofi kristen kumar kurt kyle lars laura lauren lea leah
lena leo leon leonardo lily linda lindsay lisa liam logan lorenzo louis louise lucas lucia lucy
luis luka lukas luke lydia magnus maja malik manuel marc marcel marcin marco marcus margaret
margot maria mariana marie marina mario marion marisa mark marta martha martin mary mateo matt
matteo matthew matthias maurice max maxim maya megan mehmet melanie melissa mia michael michal
michelle miguel mikael mike mikhail mila milan milena mohamed mohammad mohammed monica morgan
muhammad nadia nadine nancy naomi natalia natalie natasha nathan nathalie neil nicholas nick
nicola nicolas nicole niels nikhil nikita nikolai nils nina noah noel nora oleg olga oliver olivia
omar oscar otto pablo paolo pascal patricia patrick paul paula pavel pedro peter petra philip
philipp phillip pierre pietro piotr pooja priya rachel rafael rahul raj rajesh ralph ramon rana
randy raphael raul ravi rebecca renata rene ricardo richard rick rita rob robert roberta roberto
robin rodrigo roger roland roman ronald rosa ross ruben rui rune russell ruth ryan sabrina sadia
sakura salma sam samantha samir samuel sandra sanjay santiago sara sarah sasha saul scott sean
sebastian selin sergei sergey sergio seth shane shannon sharon shawn sheila shirley siddharth
simon simone sofia sonia sophia sophie stefan stefano stella stephanie stephen steve steven stuart
susan suzanne sven takeshi tamara tanya tara ted teresa terry thea theo thomas tiago tim timothy
tina tobias todd tom tomas tommy tony tracy travis trevor tyler uma valentina valeria vanessa
vera veronica victor victoria vijay vikram vincent viktor vivek vladimir walter wei wendy william
wojciech xavier yan yasmin yuki yusuf yvonne zach zachary zara zoe zoltan
"""

#: Common given names that are also ordinary words, product names or places: names only when the
#: document declares them (participants, authors, configuration).
AMBIGUOUS = words(
    """
    will grace mark may june april august summer rose hope faith joy dawn art chase drew gene guy
    jack lance miles rich sky jenkins ruby harvey apollo athena aurora nova loki jasmine celery
    sage storm river penny amber jade pat sue ray bill rob victoria mercury iris
    """
)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lower-case given names that are safe to treat as a person when capitalised in prose."""
    return frozenset(_GIVEN.split()) - AMBIGUOUS
