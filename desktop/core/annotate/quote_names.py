"""Common given names by usual gender, so "she said" does not resolve to "Donald Trump".

A hint, not a rule: names missing here fall back on the pronouns the text itself uses
after the person is named (see ``speakers``). Lists are lower-case.
"""

from __future__ import annotations

from desktop.core.annotate.quote_cues import words

__all__ = ["FEMININE_NAMES", "MASCULINE_NAMES"]

FEMININE_NAMES = words(
    """abigail ada adriana agnes aisha alexandra alexis alice alicia alison allison amanda
    amber amy ana andrea angela angelina anita ann anna anne annette antonia april ashley
    audrey ayanna barbara beatrice becky betsy betty beverly bonnie brenda bridget brittany
    camila carla carly carmen carol carolina caroline carolyn catherine cathy cecilia
    charlotte chelsea cheryl christina christine cindy claire claudia colleen connie
    cristina cynthia dana daniela danielle deborah debbie debra denise diana diane donna
    doris dorothy edith elaine eleanor elena elise elisabeth elizabeth ellen emily emma
    erica erin esther eva evelyn florence frances gabriela gabrielle gail gina giorgia
    gloria grace gretchen hannah harriet heather heidi helen hillary holly huma ilhan irene
    isabel isabella ivanka jacqueline jane janet janice jean jeanne jennifer jessica jill
    joan joanna joanne jodi josephine joyce judith judy julia julie june karen kate
    katherine kathleen kathryn kathy katie kay kayleigh kelly kelli kellyanne kimberly
    kirsten kristen kristin laura lauren leah linda lindsay lisa loretta lori louise lucy
    lynn madeleine malia margaret maria marie marina marine marion marsha martha mary
    maxine megan megyn melania melanie melissa meredith mia michele michelle mika monica
    nadia nancy natalie natasha nicola nicole nikki nina olivia pam pamela patricia patty
    paula pauline peggy penny rachel rebecca renee rita roberta robin rosa rose ruth
    sabrina sally samantha sandra sara sarah sasha shannon sharon sheila shirley sonia
    sophia sophie stacey stephanie sue susan susana suzanne sylvia tammy tanya teresa
    theresa tiffany tina tracy tulsi ursula valerie vanessa victoria virginia wanda wendy
    yolanda yvonne zoe"""
)

MASCULINE_NAMES = words(
    """aaron adam alan albert alex alexander alexei andrew andy angelo anthony antonio
    arthur barack ben benjamin bernard bernie bill billy bob bobby boris brad bradley brandon
    brett brian bruce bryan carl carlos chad charles charlie chris christopher chuck clarence
    cliff colin craig dan daniel danny dave david dennis derek dick don donald doug douglas
    dwight earl ed eddie edward elijah elliot emmanuel eric eugene frank franklin fred
    frederick gary gavin george gerald glenn gordon greg gregory hank harold harry henry
    howard hugh ian isaac jack jacob jake james jared jason jeb jeff jeffrey jeremy jerome
    jerry jesse jim jimmy joe joel john johnny jon jonathan jordan jose joseph josh joshua
    juan julian justin keith ken kenneth kevin kurt larry lawrence lee leon lindsey lloyd
    louis luis marco marcus mario mark martin matt matthew max michael mike mitch mitt
    mohammed muhammad nathan neil newt nicholas nick nigel olaf oliver omar oscar pat patrick
    paul pedro pete peter phil philip ralph ramon randy ray raymond reince richard rick
    rob robert roberto robby rod roger ron ronald ross roy rudy rudolph russell ryan sam
    samuel scott sean sergei sergey seth shawn simon stephen steve steven stuart ted terry
    thomas tim timothy todd tom tommy tony travis trey tyler victor vincent vladimir walter
    wayne will william xi yuri zach"""
)
