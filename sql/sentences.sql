-- sentences(): titles, initials and months do not end a sentence; "U.S. The" does
SELECT ordinal, paragraph, start, length, text
FROM news_analysis.sentences('Ms. Haley met Vladimir V. Putin on Jan. 24 in the U.S. The next day she left. “It is a sad day,” she said. “We are done. ” Then
a new paragraph starts here.');
